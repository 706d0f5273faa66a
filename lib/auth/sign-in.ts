import type { AuditAction } from '@/lib/audit/actions';
import { prisma } from '@/lib/db/client';
import { classifyDbError } from '@/lib/api/db-errors';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { dummyHash, verifyPassword } from './password';
import { admitAttempt, settleSuccess, throttleKeys } from './rate-limit';
import type { Role } from './permissions';

export class SignInError extends Error {}

/**
 * What the sign-in form shows for a failed attempt: the attempt's own message, "busy" when the
 * database could not serve it in time (a saturated pool, a restart: try again), else a server error.
 */
export function signInFailureMessage(e: unknown): string {
  if (e instanceof SignInError) return e.message;
  if (classifyDbError(e)?.kind === 'unavailable')
    return 'The service is busy right now. Try again in a moment.';
  return 'Sign-in failed because of a server error. Try again or contact an admin.';
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/**
 * Credentials sign-in: the attempt is counted first (lib/auth/rate-limit.ts), then argon2id
 * verifies, then success and failure are audited. Wrong password, unknown email and disabled
 * account give the same message and take the same time (an unknown email is verified against a
 * dummy hash): neither the answer nor its timing says which emails exist. The audit row says which.
 */
export async function signInWithPassword(
  emailRaw: string,
  password: string,
  ip: string | null,
): Promise<SignedInUser> {
  const email = emailRaw.trim().toLowerCase();
  const keys = throttleKeys(email, ip);
  const admission = await admitAttempt(keys);
  if (!admission.allowed) {
    const minutes = Math.max(1, Math.ceil(admission.retryAfterSeconds / 60));
    await audit(null, email, 'auth.sign_in_blocked', { ip, locked_minutes: minutes });
    throw new SignInError(
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  const user = await prisma.user.findUnique({ where: { email }, omit: { password_hash: false } });
  const verified = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const ok = verified && !!user?.password_hash && !user.disabled;
  if (!ok || !user) {
    const why = !user ? 'unknown email' : user.disabled ? 'account disabled' : 'wrong password';
    await audit(user?.id ?? null, email, 'auth.sign_in_failed', { ip, why });
    throw new SignInError('Wrong email or password.');
  }
  await settleSuccess(keys);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { last_login_at: new Date() } });
    await writeAudit(prismaRunner(tx), {
      actor: { id: user.id, email: user.email },
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: user.id,
      after: { ip },
    });
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.session_version,
  };
}

async function audit(
  actorId: string | null,
  email: string,
  action: AuditAction,
  after: Record<string, unknown>,
) {
  await prisma.$transaction(async (tx) => {
    await writeAudit(prismaRunner(tx), {
      actor: { id: actorId, email },
      action,
      targetType: 'user',
      targetId: actorId,
      after,
    });
  });
}
