import type { AuditAction } from '@/lib/audit/actions';
import { prisma } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { verifyPassword } from './password';
import { clearFailures, lockedMinutes, recordFailure, throttleKeys } from './rate-limit';
import type { Role } from './permissions';

export class SignInError extends Error {}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/**
 * Credentials sign-in: throttle check, argon2id verify, audit of success and failure.
 * Wrong password, unknown email and disabled account give the same message on purpose
 * (no account enumeration); the audit row records which it was.
 */
export async function signInWithPassword(
  emailRaw: string,
  password: string,
  ip: string | null,
): Promise<SignedInUser> {
  const email = emailRaw.trim().toLowerCase();
  const keys = throttleKeys(email, ip);
  const locked = await lockedMinutes(keys);
  if (locked > 0) {
    await audit(null, email, 'auth.sign_in_blocked', { ip, locked_minutes: locked });
    throw new SignInError(
      `Too many failed sign-in attempts. Try again in ${locked} minute${locked === 1 ? '' : 's'}.`,
    );
  }
  const user = await prisma.user.findUnique({ where: { email }, omit: { password_hash: false } });
  const ok = !!user && !user.disabled && (await verifyPassword(user.password_hash, password));
  if (!ok || !user) {
    await recordFailure(keys);
    const why = !user ? 'unknown email' : user.disabled ? 'account disabled' : 'wrong password';
    await audit(user?.id ?? null, email, 'auth.sign_in_failed', { ip, why });
    throw new SignInError('Wrong email or password.');
  }
  await clearFailures(email);
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
