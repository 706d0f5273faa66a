import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/env';
import { loginUrlFor } from '@/lib/auth/callback-url';

// Only a convenience redirect to the sign-in page. Every page and route checks the session and
// the role on the server itself (lib/auth/page-guard.ts, lib/api/route.ts); this is never the guard.
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: authSecret() });
  if (!token) {
    // The requested page rides along, so a deep link opened while signed out returns there.
    const target = loginUrlFor(req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(new URL(target, req.nextUrl));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico).*)'],
};
