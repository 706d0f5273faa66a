import pg from 'pg';
import { migrate } from './migrate';

// Creating and dropping whole databases on a server (tests, eval, benchmarks). Database names
// cannot be bound as parameters, so they are checked against a strict pattern before being quoted.
const SAFE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function checkedName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The URL of database `name` on the server of `serverUrl` (same host, user, options). */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(serverUrl: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: databaseUrlOn(serverUrl, 'postgres') });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

/** Creates the database (unless `ifMissing` and it exists) and applies the migrations; returns its URL. */
export async function createMigratedDatabase(
  serverUrl: string,
  name: string,
  opts: { ifMissing?: boolean } = {},
): Promise<string> {
  const quoted = checkedName(name);
  const exists =
    opts.ifMissing &&
    (await onServer(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await onServer(serverUrl, `CREATE DATABASE ${quoted}`);
  const url = databaseUrlOn(serverUrl, name);
  await migrate(url);
  return url;
}

/** Drops the database, ending any sessions still connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`);
}

/** Names of the databases on the server starting with `prefix` (for a run's teardown). */
export async function listDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  const { rows } = await onServer(
    serverUrl,
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [prefix],
  );
  return rows.map((r) => r.datname as string);
}
