import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { authOptions } from './options';
import type { SessionUser } from './permissions';
import { liveSessionUser } from './sessions';

/**
 * The signed-in user, read fresh from the database on every request: a disabled user, a changed
 * role, a bumped session version or a signed-out session takes effect at once, not when the JWT
 * expires (lib/auth/sessions.ts).
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  // Per-request by nature: never prerender a page at build time (and never read the auth
  // secret then — production builds run without it).
  await connection();
  const session = await getServerSession(authOptions());
  const s = session?.user;
  if (!s?.id) return null;
  const user = await liveSessionUser({ uid: s.id, sv: s.sv, sid: s.sid });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.must_change_password,
  };
}
