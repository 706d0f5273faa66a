import type { Pool } from 'pg';
import { DEMO_USERS } from './seed-users';

/** Demo sign-ins whose passwords are printed in the README; none may exist in production. */
export async function demoUsersPresent(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ email: string }>(
    'SELECT email FROM users WHERE email = ANY($1::text[]) ORDER BY email',
    [DEMO_USERS.map((u) => u.email)],
  );
  return rows.map((r) => r.email);
}
