/**
 * npm run users:create-admin -- --email ops@example.com [--name "Ops Admin"]
 * Creates an admin in DATABASE_URL (migrated: `npm run db:migrate`) and prints a one-time
 * password once. The admin must choose their own password at first sign-in. Exit 1 when the
 * email exists, 2 on bad arguments.
 */
import pg from 'pg';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { createAdminWithOneTimePassword } from '@/lib/users/create-admin';
import { DomainError } from '@/lib/errors';
import { databaseUrl } from '@/lib/env';

const USAGE = 'usage: npm run users:create-admin -- --email <address> [--name <name>]';
let email: string | undefined;
let name: string | undefined;
try {
  ({ email, name } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
  }).values);
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!email) {
  console.error(`--email is required\n${USAGE}`);
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
try {
  const u = await createAdminWithOneTimePassword(pool, { email, name: name ?? email });
  console.log(`admin created: ${u.email}`);
  console.log(`one-time password (shown once; must be changed at first sign-in): ${u.password}`);
} catch (e) {
  if (e instanceof ZodError) {
    const i = e.issues[0];
    console.error(`--${String(i?.path[0] ?? 'email')}: ${i?.message}`);
    process.exitCode = 2;
  } else if (e instanceof DomainError) {
    console.error(e.message);
    process.exitCode = 1;
  } else throw e;
} finally {
  await pool.end();
}
