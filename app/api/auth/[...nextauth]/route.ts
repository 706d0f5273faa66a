import { randomUUID } from 'node:crypto';
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { readBodyText, SIGN_IN_BODY_MAX_BYTES } from '@/lib/api/body';
import { toErrorResponse } from '@/lib/api/errors';

// next-auth's own endpoints (sign-in, callback, session, sign-out) are the one public route
// family; they authenticate rather than act on data. See lib/auth/route-inventory.test.ts.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = (req: NextRequest, ctx: Ctx) => NextAuth(authOptions())(req, ctx);

export async function POST(req: NextRequest, ctx: Ctx) {
  let text: string;
  try {
    text = await readBodyText(req, SIGN_IN_BODY_MAX_BYTES);
  } catch (e) {
    return toErrorResponse(e, randomUUID());
  }
  return handler(
    new NextRequest(req.url, { method: 'POST', headers: req.headers, body: text }),
    ctx,
  );
}
export { handler as GET };
