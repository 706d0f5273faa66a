import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { runDetection } from '@/lib/detect';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { generateScenario } from '@/lib/scenario/generate';
import { getSeries } from '@/lib/queries/account-series';
import { viewSeries } from './page-rollups-reference';

// The pages' reads of the compact rollups (issue 14): the account series folds first-seen days
// from the day sets in Node (lib/queries/first-days.ts) instead of grouping the views
// account_bucket / account_template in SQL. Every account's series, and a cluster's combined
// series, equal what the view-based reader (page-rollups-reference.ts, the code before) gives on a
// detected scenario.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-page-rollups-'));

beforeAll(async () => {
  generateScenario({
    accounts: 150,
    events: 15_000,
    seed: 5,
    mix: 'default',
    outDir: dir,
    promptsCsv: path.join(dir, 'no-shared-prompts.csv'), // the generator's own templates
  });
  const pool = pgPool();
  await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'test' });
  await ingestEvents(path.join(dir, 'events.ndjson'), { pool, actor: 'test', batchSize: 4000 });
  await runDetection(pool);
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe('page series from the day sets', () => {
  it('every account’s series equals the view-based reader’s', async () => {
    const { rows } = await pgPool().query<{ account_id: string; events: number }>(
      'SELECT account_id, events FROM account_score ORDER BY account_id',
    );
    expect(rows.length).toBe(150);
    let newTemplates = 0;
    for (const a of rows) {
      const s = await getSeries([a.account_id], 'account', a.events);
      expect(s, a.account_id).toEqual(await viewSeries([a.account_id], 'account', a.events));
      newTemplates += s.points.reduce((t, p) => t + p.new_templates, 0);
    }
    expect(newTemplates).toBeGreaterThan(1000);
  });

  it('a cluster’s combined series (buckets once per cluster, templates per member) too', async () => {
    const { rows } = await pgPool().query<{ id: string; events: number; ids: string[] }>(
      `SELECT c.id, c.events::int AS events, array_agg(m.account_id) AS ids FROM clusters c
       JOIN cluster_members m ON m.cluster_id = c.id GROUP BY c.id ORDER BY c.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const c of rows)
      expect(await getSeries(c.ids, 'cluster', c.events), c.id).toEqual(
        await viewSeries(c.ids, 'cluster', c.events),
      );
  });
});
