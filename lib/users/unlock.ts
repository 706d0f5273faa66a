import type { AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { clearAccount } from '@/lib/auth/rate-limit';
import { NotFoundError } from '@/lib/errors';

/**
 * An admin lets a user sign in again at once (issue #12): the account's counted attempts and its
 * delay are cleared, audited. The address's count stays (it may be an attacker's).
 */
export async function unlockSignIn(tx: Tx, audit: AuditFn, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new NotFoundError('No such user');
  const attempts = await clearAccount(
    (sql, params) => tx.$queryRawUnsafe(sql, ...params),
    user.email,
  );
  await audit({
    action: 'auth.unlock',
    targetType: 'user',
    targetId: userId,
    after: { email: user.email, attempts },
  });
  return { attempts };
}
