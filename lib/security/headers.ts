// Security headers (issue #12, defect 6). Pages get a Content-Security-Policy with a fresh nonce
// per request, set by proxy.ts on the request (Next reads the nonce from it and puts it on every
// script it renders) and on the response. Scripts run only with that nonce, or when loaded by a
// script that had it ('strict-dynamic'): no inline script of anyone else runs, and no script from
// another origin. Styles: React renders Recharts' and some components' `style` attributes into
// the HTML, which CSP counts as inline styles, so style-src allows 'unsafe-inline' (a style cannot
// run code). Non-page responses (API JSON, static files) get a policy that allows nothing.

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code (React's dev tools, fast refresh); never in production. */
  dev: boolean;
  /** Served over TLS: plain-HTTP subresources are upgraded. */
  tls: boolean;
}

export function pageCsp({ nonce, dev, tls }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(tls ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** API answers and files: nothing may load from them as a document, nor frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * next-auth's own HTML (its error and sign-out confirmation pages under /api/auth) has inline
 * styles and a form posting to itself; still no script and no framing.
 */
export const AUTH_PAGES_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A year, for this host and its subdomains; sent only when the request came over TLS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** 128 random bits, base64: unguessable and never repeated. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
