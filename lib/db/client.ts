// server-only: a client component that imports this (or a read model) fails `next build`. Plain
// Node resolves the marker to its throwing default, so the tsx CLIs run with
// --conditions=react-server (package.json) and vitest aliases it to the empty module.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { appStatementTimeoutMs, databaseUrl, env } from '@/lib/env';

/**
 * A pg pool that cannot hang its callers: waiting for a connection ends after
 * DB_CONNECT_TIMEOUT_MS, and each statement is cancelled by the server after `statementTimeoutMs`
 * (0 = never; sent at connect time, so it also holds inside transactions).
 */
function newPool(max: number, statementTimeoutMs: number, label: string): Pool {
  const pool = new Pool({
    connectionString: databaseUrl(),
    max,
    connectionTimeoutMillis: env().DB_CONNECT_TIMEOUT_MS,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle connection the server ends (restart, failover, DROP … WITH (FORCE)) emits 'error' on
  // the pool; unhandled, that would crash the whole process. The pool drops the client and the
  // next query opens a fresh one.
  pool.on('error', (err) => console.error(`[db:${label}] idle connection closed: ${err.message}`));
  // A checked-out client (a transaction in progress, a request between two queries) emits 'error'
  // on itself when the server goes away, and pg-pool listens only while it is idle: one listener
  // for the client's whole life, so a database outage fails the request (503), not the process.
  pool.on('connect', (client) =>
    client.on('error', (err) => console.error(`[db:${label}] connection lost: ${err.message}`)),
  );
  return pool;
}

// One database client for the whole app, cached on globalThis so dev reloads and route modules
// share a pool. Prisma runs through the pg driver adapter (no Rust engine at run time).
// Password hashes (and case file bytes) are omitted from every query unless a caller asks for them.
function create() {
  const pool = newPool(env().DB_POOL_SIZE, appStatementTimeoutMs(), 'app');
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Uploaded case files' bytes are read only by the download route, which asks for them.
    omit: { user: { password_hash: true }, caseFile: { bytes: true } },
    // An interactive transaction waits for a pooled connection as long as a plain query does
    // (Prisma's own default is 2 s): under load, sign-in and audited writes queued behind 2 s
    // failed with P2028 while the pool would still have served them (bench:load, issue 12).
    transactionOptions: { maxWait: env().DB_CONNECT_TIMEOUT_MS },
  });
  return { pool, prisma };
}

type Db = ReturnType<typeof create>;
const g = globalThis as unknown as { __distillDb?: Db; __distillIngestPool?: Pool };

function db(): Db {
  if (!g.__distillDb) g.__distillDb = create();
  return g.__distillDb;
}

/** The Prisma client (lazy: importing this module never connects). */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_t, key) => Reflect.get(db().prisma, key, db().prisma),
});

/** The raw pg pool, for set-based SQL and COPY. Always parameterised. */
export function pgPool(): Pool {
  return db().pool;
}

/**
 * The HTTP ingest's own pool, apart from the app's: a run holds one connection per lane for the
 * whole upload, so on the shared pool a few uploads took every connection and froze sign-in and
 * the pages. Sized for INGEST_MAX_CONCURRENT runs of INGEST_LANES lanes each (a run also starts
 * and closes on a lane connection, lib/ingest/pipeline.ts, so it never needs one more).
 */
export function ingestPgPool(): Pool {
  const e = env();
  g.__distillIngestPool ??= newPool(
    e.INGEST_POOL_SIZE ?? e.INGEST_MAX_CONCURRENT * e.INGEST_LANES,
    e.INGEST_STATEMENT_TIMEOUT_MS,
    'ingest',
  );
  return g.__distillIngestPool;
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export async function closeDb(): Promise<void> {
  const d = g.__distillDb;
  const ingest = g.__distillIngestPool;
  g.__distillDb = undefined;
  g.__distillIngestPool = undefined;
  if (d) {
    await d.prisma.$disconnect();
    await d.pool.end().catch(() => undefined);
  }
  await ingest?.end().catch(() => undefined);
}
