import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@/lib/scenario/generate';
import { resolvePromptsCsv } from '@/lib/scenario/prompt-source';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { runDetection } from '@/lib/detect';

// A full detection run leaves planner statistics behind for the tables it rewrote (this
// Postgres has autovacuum off: lib/detect/analyze.ts); a since-last run does not re-analyse.
let pool: pg.Pool;
let dir: string;

const analysedAt = async (table: string) =>
  (
    await pool.query<{ t: Date | null }>(
      'SELECT last_analyze AS t FROM pg_stat_user_tables WHERE relname = $1',
      [table],
    )
  ).rows[0]?.t ?? null;
const statColumns = async (table: string) =>
  (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename = $1`,
      [table],
    )
  ).rows[0].n;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  dir = mkdtempSync(path.join(tmpdir(), 'dw-analyze-'));
  generateScenario({
    accounts: 120,
    events: 8_000,
    seed: 5,
    mix: 'default',
    outDir: dir,
    promptsCsv: resolvePromptsCsv(),
  });
  await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'test' });
  await ingestEvents(path.join(dir, 'events.ndjson'), { pool, actor: 'test' });
}, 120_000);

afterAll(async () => {
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('planner statistics after detection', () => {
  it('a full run analyses the tables it rewrote; a since-last run leaves them', async () => {
    expect(await statColumns('account_score')).toBe(0);
    const full = await runDetection(pool);
    expect(full.stageMs.analyze).toBeGreaterThanOrEqual(0);
    for (const t of ['account_score', 'clusters', 'cluster_members', 'flags']) {
      expect(await analysedAt(t), t).not.toBeNull();
    }
    // statistics exist for every column of the scores table the pages filter and sort on
    expect(await statColumns('account_score')).toBeGreaterThanOrEqual(5);
    const stamp = await analysedAt('account_score');
    const inc = await runDetection(pool, { sinceLast: true });
    expect(inc.mode).toBe('since_last');
    expect(inc.stageMs.analyze).toBeUndefined();
    expect(await analysedAt('account_score')).toEqual(stamp);
  });
});
