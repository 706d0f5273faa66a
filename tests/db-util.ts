import pg from 'pg';
import { migrate } from '../lib/db/migrate';

// Fresh, uniquely named databases on a real Postgres for integration and e2e runs.
export function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(dbName: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function createFreshDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`); // name built from [a-z0-9_] only
  await c.end();
  const url = urlFor(name);
  await migrate(url);
  return { name, url };
}

export async function dropDatabase(name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}
