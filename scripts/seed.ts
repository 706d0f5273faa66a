/**
 * npm run db:seed [-- --demo-data]
 * Seeds DATABASE_URL (already migrated: `npm run db:migrate`) the way `npm start` seeds the embedded
 * database: the demo users when the users table is empty, and with --demo-data the demo scenario
 * (DEMO_ACCOUNTS / DEMO_EVENTS, generated under DATA_DIR/demo, ingested, detected; once).
 */
import pg from 'pg';
import { loadDemoData } from '@/lib/bootstrap/demo-data';
import { DEMO_USERS, seedDemoUsers } from '@/lib/bootstrap/seed-users';
import { databaseUrl, env } from '@/lib/env';

const USAGE = 'usage: npm run db:seed [-- --demo-data]';
const args = process.argv.slice(2);
if (args.some((a) => a !== '--demo-data')) {
  console.error(USAGE);
  process.exit(2);
}

const e = env();
const url = databaseUrl();
const pool = new pg.Pool({ connectionString: url, max: 4 });
try {
  if (await seedDemoUsers(pool)) {
    console.log('demo users created:');
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  /  ${u.password}`);
  } else {
    console.log('users exist already: no demo users added');
  }
  if (args.includes('--demo-data'))
    await loadDemoData(pool, url, {
      accounts: e.DEMO_ACCOUNTS,
      events: e.DEMO_EVENTS,
      dataDir: e.DATA_DIR,
    });
} finally {
  await pool.end();
}
