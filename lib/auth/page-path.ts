/**
 * The request header proxy.ts sets to the requested page's path, so the page guard can record a
 * refusal with it (server components are not told their URL). Always overwritten by the proxy,
 * never taken from the client. Its own module: the proxy must not import the guard's database code.
 */
export const PAGE_PATH_HEADER = 'x-page-path';
