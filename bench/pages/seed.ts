import type { ClientBase, Pool } from 'pg';
import { ensurePartitions, seedAccounts, seedEventChunk, type SeedSize } from './seed-events';
import { seedRollups, seedScores } from './seed-rollups';

export { BENCH_SIZE, type SeedSize } from './seed-events';

const CHUNK = 1_000_000;

async function isEmpty(
  pool: ClientBase,
  table: 'accounts' | 'account_daily' | 'account_score',
): Promise<boolean> {
  return (await pool.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount === 0; // table from a fixed list
}

async function hasEvent(pool: ClientBase, n: number): Promise<boolean> {
  return (
    (await pool.query('SELECT 1 FROM events WHERE id = $1 LIMIT 1', [`ev-${n}`])).rowCount === 1
  );
}

/**
 * Fills a migrated database with a synthetic dataset of the given size. Resumable: each step is
 * skipped when its output is already there (the bench database is reused across runs, and a
 * half-finished seed continues where it stopped). Each event chunk is one statement, so a chunk
 * is either fully present or absent.
 */
export async function seedDataset(
  db: Pool,
  s: SeedSize,
  log: (m: string) => void = () => {},
): Promise<'reused' | 'seeded'> {
  const pool = await db.connect(); // one session: SET and BEGIN/COMMIT must apply to the same connection
  try {
    return await seedOn(pool, s, log);
  } finally {
    pool.release();
  }
}

async function seedOn(
  pool: ClientBase,
  s: SeedSize,
  log: (m: string) => void,
): Promise<'reused' | 'seeded'> {
  if (!(await isEmpty(pool, 'account_score'))) return 'reused';
  await pool.query('SET synchronous_commit = off');
  await ensurePartitions(pool, s);
  if (await isEmpty(pool, 'accounts')) await seedAccounts(pool, s);
  for (let from = 1; from <= s.events; from += CHUNK) {
    const to = Math.min(s.events + 1, from + CHUNK);
    if (await hasEvent(pool, to - 1)) continue;
    const t = Date.now();
    await seedEventChunk(pool, s, from, to);
    log(`events ${to - 1}/${s.events} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  // Rollups and score rows in one transaction, so an interrupted run never leaves half of them.
  await pool.query('BEGIN');
  try {
    if (await isEmpty(pool, 'account_daily')) await seedRollups(pool, log);
    log('scores, clusters, flags');
    await seedScores(pool, s);
    await pool.query('COMMIT');
  } catch (e) {
    await pool.query('ROLLBACK');
    throw e;
  }
  await pool.query('ANALYZE');
  return 'seeded';
}
