import { createMigratedDatabase, dropDatabase as drop, listDatabases } from '../lib/db/databases';

// Fresh, uniquely named databases on a real Postgres for integration and e2e runs.
export function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

// TEST_DB_OWNER (optional) goes into every name after the prefix, so people sharing one Postgres
// server can tell (and drop) their own databases; prefix matching (listTestDatabases) still holds.
export async function createFreshDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const owner = process.env.TEST_DB_OWNER?.replace(/[^a-z0-9_]/gi, '').toLowerCase();
  const name = `${prefix}_${owner ? `${owner}_` : ''}${Date.now().toString(36)}_${process.pid}`;
  return { name, url: await createMigratedDatabase(adminUrl(), name) };
}

export const dropDatabase = (name: string) => drop(adminUrl(), name);
export const listTestDatabases = (prefix: string) => listDatabases(adminUrl(), prefix);
