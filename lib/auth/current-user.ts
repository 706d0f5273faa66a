import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { prisma } from '@/lib/db/client';
import { authOptions } from './options';
import type { SessionUser } from './permissions';

/**
 * The signed-in user, read fresh from the database on every request: a disabled user or a
 * changed role takes effect at once, not when the JWT expires.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerender a page at build time (and never read the auth
  // secret then — production builds run without it).
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
