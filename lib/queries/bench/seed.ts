import type { Pool } from 'pg';
import { ensurePartitions, seedAccounts, seedEventChunk, type SeedSize } from './seed-events';
import { seedRollups, seedScores } from './seed-rollups';

export { BENCH_SIZE, type SeedSize } from './seed-events';

const CHUNK = 1_000_000;

/**
 * Fills an empty, migrated database with a synthetic dataset of the given size, or leaves a database
 * that already holds at least that many events alone (the bench database is reused across runs).
 */
export async function seedDataset(pool: Pool, s: SeedSize, log: (m: string) => void = () => {}): Promise<'reused' | 'seeded'> {
  const have = await pool.query<{ n: string }>('SELECT count(*) AS n FROM account_score');
  if (Number(have.rows[0].n) > 0) return 'reused';
  await pool.query('SET synchronous_commit = off');
  await ensurePartitions(pool, s);
  await seedAccounts(pool, s);
  for (let from = 1; from <= s.events; from += CHUNK) {
    const to = Math.min(s.events + 1, from + CHUNK);
    const t = Date.now();
    await seedEventChunk(pool, s, from, to);
    log(`events ${to - 1}/${s.events} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  await seedRollups(pool, log);
  log('scores, clusters, flags');
  await seedScores(pool, s);
  await pool.query('ANALYZE');
  return 'seeded';
}
