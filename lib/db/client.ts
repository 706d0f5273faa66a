// server-only: a client component that imports this (or a read model) fails `next build`. Plain
// Node resolves the marker to its throwing default, so the tsx CLIs run with
// --conditions=react-server (package.json) and vitest aliases it to the empty module.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, env } from '@/lib/env';

// One database client for the whole app, cached on globalThis so dev reloads and route modules
// share a pool. Prisma runs through the pg driver adapter (no Rust engine at run time).
// Password hashes (and case file bytes) are omitted from every query unless a caller asks for them.
function create() {
  const pool = new Pool({ connectionString: databaseUrl(), max: env().DB_POOL_SIZE });
  // An idle connection the server ends (restart, failover, DROP … WITH (FORCE)) emits 'error' on
  // the pool; unhandled, that would crash the whole process. The pool drops the client and the
  // next query opens a fresh one.
  pool.on('error', (err) => console.error(`[db] idle connection closed: ${err.message}`));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Uploaded case files' bytes are read only by the download route, which asks for them.
    omit: { user: { password_hash: true }, caseFile: { bytes: true } },
  });
  return { pool, prisma };
}

type Db = ReturnType<typeof create>;
const g = globalThis as unknown as { __distillDb?: Db };

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

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export async function closeDb(): Promise<void> {
  const d = g.__distillDb;
  g.__distillDb = undefined;
  if (d) {
    await d.prisma.$disconnect();
    await d.pool.end().catch(() => undefined);
  }
}
