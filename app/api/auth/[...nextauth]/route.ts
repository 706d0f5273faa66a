import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's own endpoints (sign-in, callback, session, sign-out) are the one public route
// family; they authenticate rather than act on data. See lib/auth/route-inventory.test.ts.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(req, ctx);
export { handler as GET, handler as POST };
