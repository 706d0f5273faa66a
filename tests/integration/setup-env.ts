import { afterAll, inject } from 'vitest';
import { createFreshDatabase, dropDatabase } from '../db-util';

// Each integration test file gets its own fresh, migrated database, so files never see each
// other's rows (counts, flags, audit chain). The run-wide database from global-setup stays as
// the server check. lib/env.ts and lib/db/client.ts read DATABASE_URL lazily, after this.
void inject('databaseUrl');
const db = await createFreshDatabase('dw_itf');
process.env.DATABASE_URL = db.url;

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await dropDatabase(db.name);
});
