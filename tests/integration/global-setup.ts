import type { TestProject } from 'vitest/node';
import { createFreshDatabase, dropDatabase, listTestDatabases } from '../db-util';

// Checks the server once (a fresh migrated database), hands each test file a run tag for its own
// database (tests/integration/setup-env.ts), and drops every database of this run at the end —
// here, after the workers have exited, so no pooled connection is cut mid-test.
export default async function setup(project: TestProject) {
  const db = await createFreshDatabase('dw_it');
  const tag = `dw_itf_${Date.now().toString(36)}`;
  project.provide('databaseUrl', db.url);
  project.provide('dbTag', tag);
  return async () => {
    await dropDatabase(db.name);
    for (const name of await listTestDatabases(`${tag}_`)) await dropDatabase(name);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    dbTag: string;
  }
}
