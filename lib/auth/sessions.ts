import { randomUUID } from 'node:crypto';
import type { AuditFn } from '@/lib/audit/write';
import { prisma, type Tx } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

// Sessions are stateless JWTs (next-auth), so a token stays valid until it expires unless the
// server refuses it. Every request compares the token with the database (issue #12, defect 6):
// - `sv`: the user's session_version at sign-in. Bumping the column ends every session of that
//   user at once (password change, role change, disabling, "sign out everywhere").
// - `sid`: this one session. Signing out records it in revoked_sessions until the token's expiry,
//   so a copied cookie dies with the sign-out while the user's other devices stay signed in.

export interface TokenClaims {
  uid?: string;
  sv?: number;
  sid?: string;
}

/** Claims a new session's token carries. */
export const newSessionClaims = (uid: string, sessionVersion: number) => ({
  uid,
  sv: sessionVersion,
  sid: randomUUID(),
});

/** The user behind a token, or null when the token is not (or no longer) a live session. */
export async function liveSessionUser(claims: TokenClaims) {
  const { uid, sv, sid } = claims;
  if (!uid || typeof sv !== 'number' || !sid) return null;
  const [user, revoked] = await Promise.all([
    prisma.user.findUnique({ where: { id: uid } }),
    prisma.revokedSession.findUnique({ where: { sid }, select: { sid: true } }),
  ]);
  if (!user || user.disabled || user.session_version !== sv || revoked) return null;
  return user;
}

/** Ends every session of a user (the caller writes the audit row that says why). */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<number> {
  const u = await tx.user.update({
    where: { id: userId },
    data: { session_version: { increment: 1 } },
    select: { session_version: true },
  });
  return u.session_version;
}

/** "Sign out everywhere": for oneself, or an admin for another user. */
export async function endAllSessions(tx: Tx, audit: AuditFn, userId: string, reason?: string) {
  const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) throw new NotFoundError('No such user');
  const version = await bumpSessionVersion(tx, userId);
  await audit({
    action: 'user.end_sessions',
    targetType: 'user',
    targetId: userId,
    after: { session_version: version },
    reason: reason ?? null,
  });
  return { session_version: version };
}

/** Sign-out of one session: its id is refused until the token would have expired. */
export async function revokeSession(tx: Tx, audit: AuditFn, claims: TokenClaims, expSec: number) {
  if (!claims.uid || !claims.sid) return;
  await tx.revokedSession.deleteMany({ where: { expires_at: { lt: new Date() } } });
  await tx.revokedSession.upsert({
    where: { sid: claims.sid },
    create: { sid: claims.sid, user_id: claims.uid, expires_at: new Date(expSec * 1000) },
    update: {},
  });
  await audit({ action: 'auth.sign_out', targetType: 'user', targetId: claims.uid, after: null });
}
