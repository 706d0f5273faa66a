import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { withPgTransaction } from '@/lib/db/transaction';
import { ConflictError } from '@/lib/errors';
import { ZUserCreate } from '@/lib/schemas/user';

/**
 * The first admin of a real database (`npm run users:create-admin`): a random one-time password,
 * shown once to the operator and never stored in clear, which the admin must replace at first
 * sign-in (must_change_password; enforced by lib/auth/page-guard.ts and lib/api/route.ts).
 */
export async function createAdminWithOneTimePassword(
  pool: Pool,
  input: { email: string; name: string },
): Promise<{ id: string; email: string; password: string }> {
  // 18 random bytes: 24 base64url characters, 144 bits.
  const password = randomBytes(18).toString('base64url');
  const parsed = ZUserCreate.parse({ ...input, role: 'admin', password });
  const hash = await hashPassword(password);
  return withPgTransaction(pool, async (client) => {
    const { rows } = await client.query('SELECT 1 FROM users WHERE email = $1', [parsed.email]);
    if (rows.length) throw new ConflictError(`A user with email ${parsed.email} exists`, 'email');
    const id = randomUUID();
    await client.query(
      `INSERT INTO users (id, email, name, role, password_hash, must_change_password)
       VALUES ($1, $2, $3, 'admin', $4, true)`,
      [id, parsed.email, parsed.name, hash],
    );
    await writeAudit(pgRunner(client), {
      actor: SYSTEM_ACTOR,
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      after: { email: parsed.email, name: parsed.name, role: 'admin', must_change_password: true },
      reason: 'npm run users:create-admin',
    });
    return { id, email: parsed.email, password };
  });
}
