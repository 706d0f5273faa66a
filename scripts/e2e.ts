import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createFreshDatabase, dropDatabase } from '../tests/db-util';
import { seedDemoUsers } from '@/lib/bootstrap/seed-users';
import { hashPassword } from '@/lib/auth/password';
import { loadDemoData } from '@/lib/bootstrap/demo-data';
import { LOCKOUT_USER } from '../e2e/users';

// `npm run test:e2e`: a fresh database with the demo users and a small demo scenario, then
// Playwright against `next start` (the production build must exist: `npm test` builds first).
const db = await createFreshDatabase('dw_e2e');
let status = 1;
try {
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  await seedDemoUsers(pool);
  await pool.query(
    'INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
    [
      randomUUID(),
      LOCKOUT_USER.email,
      'Lockout Test',
      'analyst',
      await hashPassword(LOCKOUT_USER.password),
    ],
  );
  await loadDemoData(pool, db.url, { accounts: 400, events: 40_000, dataDir: '.data/e2e' });
  await pool.end();
  const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url },
  });
  status = r.status ?? 1;
} finally {
  if (!process.env.E2E_KEEP_DB) await dropDatabase(db.name);
}
process.exit(status);
