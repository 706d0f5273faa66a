import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { ingestEvents } from '@/lib/ingest';
import { runDetection, type DetectSummary } from '@/lib/detect';
import { recomputedSnapshot, rollupSnapshot } from './cluster-rollups-snapshot';
import { detectedClusterScenario } from './cluster-scenario';

// detect --since-last updates the page rollups of a cluster whose members did not change from the
// members that received events (lib/detect/cluster-rollup-update.ts) instead of recomputing them
// over every member. The batch moves first hits to the touched members (events a few days before
// any other) and adds templates and days; the stored rollups must equal a full recompute.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-rollup-update-'));
type Cluster = { id: string; ids: string[] };
const clusters = async () =>
  (
    await pgPool().query<Cluster>(
      `SELECT cluster_id AS id, array_agg(account_id ORDER BY account_id) AS ids
       FROM cluster_members GROUP BY cluster_id ORDER BY count(*) DESC, cluster_id`,
    )
  ).rows;
let before: Cluster[] = [];
let big: Cluster;
let inc: DetectSummary;

beforeAll(async () => {
  await detectedClusterScenario(dir);
  const pool = pgPool();
  before = await clusters();
  big = before[0];
  // two members: their own lines three days earlier with other wording (new templates, and first
  // hits taken from the other members), and a third member's lines a day later under the second
  const [a, b, other] = big.ids;
  const lines = readFileSync(path.join(dir, 'events.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; ts: string; account_id: string; prompt?: string });
  const shift = (e: (typeof lines)[number], days: number, to: string, i: number, tag: string) =>
    JSON.stringify({
      ...e,
      id: `${tag}-${i}`,
      account_id: to,
      ts: new Date(Date.parse(e.ts) + days * 86_400_000).toISOString(),
      prompt: tag === 'early' ? `${e.prompt ?? ''} rephrased ${i}` : e.prompt,
    });
  const early = lines
    .filter((e) => e.account_id === a || e.account_id === b)
    .slice(0, 60)
    .map((e, i) => shift(e, -3, e.account_id, i, 'early'));
  const late = lines
    .filter((e) => e.account_id === other)
    .slice(0, 30)
    .map((e, i) => shift(e, 1, b, i, 'late'));
  writeFileSync(path.join(dir, 'extra.ndjson'), `${[...early, ...late].join('\n')}\n`);
  await ingestEvents(path.join(dir, 'extra.ndjson'), { pool, actor: 'test' });
  inc = await runDetection(pool, { sinceLast: true });
}, 180_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe('cluster page rollups after --since-last, members unchanged', () => {
  it('keeps the cluster and its members, and updates (not recomputes) its rollups', async () => {
    expect(inc.mode).toBe('since_last');
    expect(big.ids.length).toBeGreaterThanOrEqual(3);
    expect((await clusters()).find((k) => k.id === big.id)?.ids).toEqual(big.ids);
    const run = await pgPool().query<{ r: { updated: number; recomputed: number } }>(
      `SELECT stats->'rollups' AS r FROM detect_runs WHERE id = $1`,
      [inc.runId],
    );
    expect(run.rows[0].r.updated).toBeGreaterThanOrEqual(1);
  });

  it('moved first hits to the touched members', async () => {
    const { rows } = await pgPool().query<{ day: string; n: number }>(
      `SELECT min(day)::text AS day, sum(lsh_new)::int AS n FROM cluster_coverage
       WHERE cluster_id = $1 AND account_id = ANY($2)`,
      [big.id, big.ids.slice(0, 2)],
    );
    const first = await pgPool().query<{ day: string }>(
      `SELECT min(day)::text AS day FROM account_daily WHERE account_id = ANY($1)`,
      [big.ids],
    );
    expect(rows[0].day).toBe(first.rows[0].day); // the batch's early days are the cluster's first
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('leaves coverage, timeline, matrix and template days equal to a full recompute', async () => {
    const stored = await rollupSnapshot(pgPool());
    expect(stored.coverage.length).toBeGreaterThan(0);
    expect(stored.templateDays.length).toBe(before.reduce((t, k) => t + k.ids.length, 0));
    expect(stored).toEqual(await recomputedSnapshot(pgPool()));
  });

  it('recomputes a cluster whose stored rows lack their bucket lists (older code), equal again', async () => {
    const pool = pgPool();
    // rows as code before the lists wrote them; then a batch for one member of that cluster
    await pool.query(
      `UPDATE cluster_coverage SET tax_buckets = '{}', tax_first = '{}', lsh_buckets = '{}', lsh_first = '{}'
       WHERE cluster_id = $1`,
      [big.id],
    );
    const lines = readFileSync(path.join(dir, 'events.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(`"${big.ids[2]}"`))
      .slice(0, 20)
      .map((l, i) => JSON.stringify({ ...JSON.parse(l), id: `again-${i}` }));
    writeFileSync(path.join(dir, 'again.ndjson'), `${lines.join('\n')}\n`);
    await ingestEvents(path.join(dir, 'again.ndjson'), { pool, actor: 'test' });
    const r = await runDetection(pool, { sinceLast: true });
    const run = await pool.query<{ r: { updated: number; recomputed: number } }>(
      `SELECT stats->'rollups' AS r FROM detect_runs WHERE id = $1`,
      [r.runId],
    );
    expect(run.rows[0].r.recomputed).toBeGreaterThanOrEqual(1);
    const lists = await pool.query<{ n: number }>(
      `SELECT sum(cardinality(lsh_buckets))::int AS n FROM cluster_coverage WHERE cluster_id = $1`,
      [big.id],
    );
    expect(lists.rows[0].n).toBeGreaterThan(0);
    expect(await rollupSnapshot(pool)).toEqual(await recomputedSnapshot(pool));
  });
});
