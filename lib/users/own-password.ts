import type { AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { bumpSessionVersion } from '@/lib/auth/sessions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { TPasswordChange } from '@/lib/schemas/user';

/**
 * A user replaces their own password (issue #12): the current one proves it is them and not a
 * borrowed session; the new one clears a pending forced change and ends every session issued
 * before (the caller signs in again with the new password).
 */
export async function changeOwnPassword(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  input: TPasswordChange,
) {
  const user = await tx.user.findUnique({ where: { id: userId }, omit: { password_hash: false } });
  if (!user) throw new NotFoundError('No such user');
  if (!(await verifyPassword(user.password_hash, input.current_password)))
    throw new ValidationError('is not your current password', 'current_password');
  if (input.new_password === input.current_password)
    throw new ValidationError('must differ from the current password', 'new_password');
  await tx.user.update({
    where: { id: userId },
    data: {
      password_hash: await hashPassword(input.new_password),
      must_change_password: false,
      updated_at: new Date(),
    },
  });
  const version = await bumpSessionVersion(tx, userId);
  await audit({
    action: 'user.change_own_password',
    targetType: 'user',
    targetId: userId,
    after: { forced: user.must_change_password, session_version: version },
  });
  return { ok: true as const };
}
