import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { ingestEvents } from '@/lib/ingest';
import { runDetection } from '@/lib/detect';
import { getSeries } from '@/lib/queries/account-series';
import { indicatorMatrix } from '@/lib/detect/cluster-matrix';
import { getClusterIndicators } from '@/lib/queries/cluster-indicators';
import { getClusterTimeline } from '@/lib/queries/cluster-page';
import { viewSeries } from './page-rollups-reference';
import { detectedClusterScenario } from './cluster-scenario';

// The pages' reads of the compact rollups (issue 14): the account series folds first-seen days
// from the day sets in Node (lib/queries/first-days.ts) instead of grouping the views
// account_bucket / account_template in SQL. Every account's series, and a cluster's combined
// series, equal what the view-based reader (page-rollups-reference.ts, the code before) gives on a
// detected scenario. The cluster page's rollups detection writes (cluster_daily, cluster_matrix)
// give what the page computes live without them, after a full run and after a --since-last run
// that changed a cluster.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-page-rollups-'));

beforeAll(async () => {
  await detectedClusterScenario(dir);
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

type Cluster = { id: string; events: number; ids: string[] };
const clusters = async () =>
  (
    await pgPool().query<Cluster>(
      `SELECT c.id, c.events::int AS events, array_agg(m.account_id ORDER BY m.account_id) AS ids
       FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id GROUP BY c.id ORDER BY c.id`,
    )
  ).rows;

const range = async (table: string, col: string, v: string | string[]) =>
  (
    await pgPool().query<{ r: string }>(
      `SELECT min(day)::text || ' ' || max(day)::text AS r FROM ${table} WHERE ${col} = ANY($1::text[])`,
      [typeof v === 'string' ? [v] : v],
    )
  ).rows[0].r;

/** Every cluster's page parts from the stored rollups equal the live computation. */
async function expectRollupsLive(): Promise<Cluster[]> {
  const all = await clusters();
  const n = await pgPool().query<{ d: number; m: number }>(
    `SELECT (SELECT count(DISTINCT cluster_id) FROM cluster_daily)::int AS d,
            (SELECT count(*) FROM cluster_matrix)::int AS m`,
  );
  expect(n.rows[0]).toEqual({ d: all.length, m: all.length });
  for (const c of all) {
    const stored = {
      timeline: await getClusterTimeline(c.id, c.events),
      indicators: await getClusterIndicators(c.id),
      // the coverage chart's range: cluster_daily's days
      range: await range('cluster_daily', 'cluster_id', c.id),
    };
    const live = {
      timeline: await getSeries(c.ids, 'cluster', c.events),
      indicators: await indicatorMatrix(pgPool(), c.ids),
      range: await range('account_daily', 'account_id', c.ids),
    };
    expect(stored, c.id).toEqual(live);
  }
  return all;
}

describe('cluster page rollups', () => {
  it('after a full run: timeline, indicator matrix and coverage range equal the live ones', async () => {
    const all = await expectRollupsLive();
    const big = all.reduce((a, b) => (b.ids.length > a.ids.length ? b : a));
    const m = await getClusterIndicators(big.id);
    expect(m.indicators.length).toBeGreaterThan(0);
    expect(m.indicators[0].members).toBeGreaterThanOrEqual(2);
  });

  it('after --since-last rescored a cluster with new days and templates: still equal', async () => {
    const [k] = await clusters();
    const member = k.ids[0];
    const lines = readFileSync(path.join(dir, 'events.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(`"${member}"`))
      .slice(0, 20)
      .map((l, i) => {
        const e = JSON.parse(l) as { id: string; ts: string; prompt?: string };
        const ts = new Date(Date.parse(e.ts) + 40 * 86_400_000).toISOString();
        return JSON.stringify({
          ...e,
          id: `extra-${i}`,
          ts,
          prompt: `${e.prompt ?? ''} variant ${i}`,
        });
      });
    expect(lines.length).toBeGreaterThan(5);
    const extra = path.join(dir, 'extra.ndjson');
    writeFileSync(extra, lines.join('\n') + '\n');
    await ingestEvents(extra, { pool: pgPool(), actor: 'test' });
    const before = await getClusterTimeline(k.id, k.events);
    const r = await runDetection(pgPool(), { sinceLast: true });
    expect(r.mode).toBe('since_last');
    const after = (await clusters()).find((c) => c.ids.includes(member))!;
    const timeline = await getClusterTimeline(after.id, after.events);
    expect(timeline.points.length).toBeGreaterThan(before.points.length);
    await expectRollupsLive();
  });
});
