import type { TestProject } from 'vitest/node';
import { createFreshDatabase, dropDatabase } from '../db-util';

// One fresh migrated database per integration run, dropped afterwards. Tests that need isolation
// from each other use their own tables/ids or create another database via tests/db-util.ts.
export default async function setup(project: TestProject) {
  const db = await createFreshDatabase('dw_it');
  project.provide('databaseUrl', db.url);
  process.env.DATABASE_URL = db.url;
  return async () => {
    await dropDatabase(db.name);
  };
}

declare module 'vitest' {
  export interface ProvidedContext { databaseUrl: string }
}
