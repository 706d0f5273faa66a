import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret, env } from '@/lib/env';
import { loginUrlFor } from '@/lib/auth/callback-url';
import { PAGE_PATH_HEADER } from '@/lib/auth/page-path';
import { HSTS, newNonce, pageCsp } from '@/lib/security/headers';
import { servedOverTls } from '@/lib/security/client';

// Two jobs, for pages only (API routes and files get their headers from next.config.ts):
// 1. The Content-Security-Policy with this request's nonce (lib/security/headers.ts). Next reads
//    the nonce from the request's CSP header and puts it on the scripts it renders; every page is
//    rendered per request anyway (getCurrentUser calls connection()).
// 2. A convenience redirect to the sign-in page. Every page and route checks the session and the
//    role on the server itself (lib/auth/page-guard.ts, lib/api/route.ts); this is never the guard.
export async function proxy(req: NextRequest) {
  const tls = servedOverTls(req.headers, req.nextUrl.protocol);
  const csp = pageCsp({ nonce: newNonce(), dev: env().NODE_ENV === 'development', tls });
  let res: NextResponse;
  if (req.nextUrl.pathname !== '/login' && !(await getToken({ req, secret: authSecret() }))) {
    // The requested page rides along, so a deep link opened while signed out returns there.
    const target = loginUrlFor(req.nextUrl.pathname + req.nextUrl.search);
    res = NextResponse.redirect(new URL(target, req.nextUrl));
  } else {
    const headers = new Headers(req.headers);
    headers.set('content-security-policy', csp);
    // The page guard records refusals with this path (a client's own value is overwritten).
    headers.set(PAGE_PATH_HEADER, req.nextUrl.pathname);
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set('content-security-policy', csp);
  if (tls) res.headers.set('strict-transport-security', HSTS);
  return res;
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
