import { afterAll, inject } from 'vitest';
import { createFreshDatabase } from '../db-util';

// Each integration test file gets its own fresh, migrated database, so files never see each
// other's rows (counts, flags, audit chain). lib/env.ts and lib/db/client.ts read DATABASE_URL
// lazily, after this. The database is dropped by the global teardown, not here: a forced drop
// while a test's pool still holds idle connections would kill them with an unhandled error.
const db = await createFreshDatabase(inject('dbTag'));
process.env.DATABASE_URL = db.url;

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
});
