import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/env';

// Only a convenience redirect to the sign-in page. Every page and route checks the session and
// the role on the server itself (lib/auth/page-guard.ts, lib/api/route.ts); this is never the guard.
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: authSecret() });
  if (!token) {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = '';
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico).*)'],
};
