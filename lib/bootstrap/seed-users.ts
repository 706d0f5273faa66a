import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { withPgTransaction } from '@/lib/db/transaction';
import type { Role } from '@/lib/auth/permissions';

// Demo sign-ins, printed by `npm start`. Only created when the users table is empty, so a real
// deployment that created its own admin never gets them.
export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: 'admin@distill.test', name: 'Ada Admin', role: 'admin', password: 'admin-demo-pass' },
  {
    email: 'analyst@distill.test',
    name: 'Ana Analyst',
    role: 'analyst',
    password: 'analyst-demo-pass',
  },
  { email: 'legal@distill.test', name: 'Lee Legal', role: 'legal', password: 'legal-demo-pass' },
];

export async function seedDemoUsers(pool: Pool): Promise<boolean> {
  return withPgTransaction(pool, async (client) => {
    // The lock makes two starting processes agree on "empty" (only one seeds).
    await client.query('LOCK TABLE users IN EXCLUSIVE MODE');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM users');
    if (Number(rows[0]?.n) > 0) return false;
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      await client.query(
        'INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
        [id, u.email, u.name, u.role, await hashPassword(u.password)],
      );
      await writeAudit(pgRunner(client), {
        actor: SYSTEM_ACTOR,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        after: { email: u.email, name: u.name, role: u.role },
        reason: 'demo seed',
      });
    }
    return true;
  });
}
