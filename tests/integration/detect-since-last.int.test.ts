import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@/lib/scenario/generate';
import { resolvePromptsCsv } from '@/lib/scenario/prompt-source';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { loadSettings, runDetection, type DetectSummary } from '@/lib/detect';
import { detectCore } from '@/lib/detect/core';
import { loadPopulation } from '@/lib/detect/since-last';
import type { DetectOutput } from '@/lib/detect/write-results';
import { COVERAGE_COLS, coverageRowsSql } from '@/lib/detect/cluster-coverage';
import { recomputedSnapshot, rollupSnapshot } from './cluster-rollups-snapshot';

// detect --since-last (issue 14, item 4): ingest a scenario, full run, a small extra batch for a
// few accounts, incremental run; the rescored accounts must match a full run computed against the
// same population (the last full run's), and nothing else may move.
let pool: pg.Pool;
let dir: string;
let inc: DetectSummary;
let frozen: DetectOutput;
let touched: string[] = [];
// an ordinary account that the batch gives another cluster's infrastructure (key, IPs, agent):
// linking must change for it, and only a partial relink may do it
let joiner = '';
let host = '';
type Row = {
  account_id: string;
  risk: number;
  flagged: boolean;
  run_id: string;
  cluster_id: string | null;
};
let before = new Map<string, Row>();
let after = new Map<string, Row>();
const scores = async () =>
  new Map(
    (
      await pool.query<Row>(
        'SELECT account_id, risk, flagged, run_id::text AS run_id, cluster_id FROM account_score',
      )
    ).rows.map((r) => [r.account_id, r]),
  );

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  dir = mkdtempSync(path.join(tmpdir(), 'dw-since-last-'));
  generateScenario({
    accounts: 400,
    events: 40_000,
    seed: 11,
    mix: 'default',
    outDir: dir,
    promptsCsv: resolvePromptsCsv(),
  });
  await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'test' });
  const file = path.join(dir, 'events.ndjson');
  await ingestEvents(file, { pool, actor: 'test' });
  await runDetection(pool);
  before = await scores();
  // The extra batch: 60 events each for a clustered account, a flagged one and two ordinary ones,
  // copies of their own lines an hour later under new ids.
  const pick = await pool.query<{ account_id: string }>(
    `(SELECT account_id FROM account_score WHERE cluster_id IS NOT NULL ORDER BY account_id LIMIT 1)
     UNION (SELECT account_id FROM account_score WHERE flagged AND cluster_id IS NULL ORDER BY risk DESC LIMIT 1)
     UNION (SELECT account_id FROM account_score WHERE NOT flagged AND events > 100 ORDER BY account_id LIMIT 2)`,
  );
  touched = pick.rows.map((r) => r.account_id).sort();
  const clustered = touched.find((id) => before.get(id)!.cluster_id !== null)!;
  const other = await pool.query<{ account_id: string }>(
    `SELECT account_id FROM account_score WHERE cluster_id IS NOT NULL AND cluster_id <>
       (SELECT cluster_id FROM account_score WHERE account_id = $1) ORDER BY account_id LIMIT 1`,
    [clustered],
  );
  host = other.rows[0].account_id;
  joiner = touched.find((id) => !before.get(id)!.flagged && before.get(id)!.cluster_id === null)!;
  const want = new Set(touched);
  const seen = new Map<string, number>();
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; ts: string; account_id: string });
  const borrowed = lines
    .filter((e) => e.account_id === host)
    .slice(0, 30)
    .map((e) => JSON.stringify({ ...e, id: `borrowed-${e.id}`, account_id: joiner }));
  const extra = lines
    .filter(
      (e) =>
        want.has(e.account_id) &&
        seen.set(e.account_id, (seen.get(e.account_id) ?? 0) + 1).get(e.account_id)! <= 60,
    )
    .map((e) =>
      JSON.stringify({
        ...e,
        id: `extra-${e.id}`,
        ts: new Date(Date.parse(e.ts) + 3_600_000).toISOString(),
      }),
    );
  writeFileSync(path.join(dir, 'extra.ndjson'), `${[...extra, ...borrowed].join('\n')}\n`);
  await ingestEvents(path.join(dir, 'extra.ndjson'), { pool, actor: 'test' });
  inc = await runDetection(pool, { sinceLast: true });
  after = await scores();
  frozen = await detectCore(pool, await loadSettings(pool), undefined, await loadPopulation(pool));
}, 300_000);

afterAll(async () => {
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('detect --since-last', () => {
  it('rescans exactly the accounts that received events, plus their clusters', () => {
    expect(touched.length).toBeGreaterThanOrEqual(3);
    expect(inc.mode).toBe('since_last');
    expect(inc.touched).toBe(touched.length);
    const rescored = [...after.values()]
      .filter((r) => r.run_id === inc.runId)
      .map((r) => r.account_id);
    for (const id of touched) expect(rescored).toContain(id);
    // the extra events moved the touched accounts' scores (the batch was not a no-op)
    expect(touched.some((id) => after.get(id)!.risk !== before.get(id)!.risk)).toBe(true);
    expect(rescored.length).toBe(inc.accounts);
    // untouched members of a rescored cluster come from their stored own results (rollups not read)
    expect(inc.reused).toBeGreaterThan(0);
    expect(inc.reused!).toBeLessThan(inc.accounts);
    expect(rescored.length).toBeLessThan(after.size / 2);
  });

  it('gives the rescored accounts the scores and flags of a full run against the same population', () => {
    const full = new Map(frozen.accounts.map((a) => [a.account_id, a]));
    const rescored = [...after.values()].filter((r) => r.run_id === inc.runId);
    expect(rescored.length).toBeGreaterThan(0);
    for (const r of rescored) {
      const f = full.get(r.account_id)!;
      expect(r.risk, r.account_id).toBeCloseTo(f.risk, 5);
      expect(r.flagged, r.account_id).toBe(f.flagged);
      expect(r.cluster_id === null, r.account_id).toBe(f.cluster_id === null);
    }
    // clusters holding a touched account: same members and risk as in that full run
    const members = (id: string) => frozen.clusters.find((k) => k.member_ids.includes(id));
    for (const id of touched) {
      const k = members(id);
      if (!k) continue;
      const mine = [...after.values()].filter((r) => r.cluster_id === after.get(id)!.cluster_id);
      expect(mine.map((r) => r.account_id).sort()).toEqual([...k.member_ids].sort());
    }
  });

  it('leaves every other account as the full run wrote it, and that equals the frozen full run', () => {
    const full = new Map(frozen.accounts.map((a) => [a.account_id, a]));
    const untouched = [...after.values()].filter((r) => r.run_id !== inc.runId);
    expect(untouched.length).toBeGreaterThan(0);
    for (const r of untouched) {
      expect(r).toEqual(before.get(r.account_id));
      expect(r.risk, r.account_id).toBeCloseTo(full.get(r.account_id)!.risk, 5);
      expect(r.flagged, r.account_id).toBe(full.get(r.account_id)!.flagged);
    }
  });

  it('relinks only the components the batch reaches, and the links equal a full linking', async () => {
    expect(inc.linking).toBe('partial');
    expect(inc.relinked).toBeGreaterThan(0);
    expect(inc.relinked!).toBeLessThan(after.size);
    // the batch moved the joiner into the host's cluster, in the full run and in the stored one
    const inFull = frozen.clusters.find((k) => k.member_ids.includes(host))!;
    expect(inFull.member_ids).toContain(joiner);
    expect(after.get(joiner)!.cluster_id).toBe(after.get(host)!.cluster_id);
    // every cluster (rescored or kept) has the members of the full linking
    const key = (m: string[]) => [...m].sort().join(' ');
    const stored = await pool.query<{ m: string[] }>(
      'SELECT array_agg(account_id) AS m FROM cluster_members GROUP BY cluster_id',
    );
    expect(stored.rows.map((r) => key(r.m)).sort()).toEqual(
      frozen.clusters.map((k) => key(k.member_ids)).sort(),
    );
    // and every account's stored component (clusters and the smaller ones) is the full linking's
    const full = frozen.linkState!;
    const state = await pool.query<{ account_id: string; component: string; frames: number[] }>(
      'SELECT account_id, component, frames FROM detect_link_state ORDER BY account_id',
    );
    expect(state.rows.map((r) => r.account_id)).toEqual(full.rows.map((r) => r.account_id).sort());
    const want = new Map(full.rows.map((r) => [r.account_id, r]));
    for (const r of state.rows) {
      expect(r.component, r.account_id).toBe(want.get(r.account_id)!.component);
      expect([...r.frames].sort(), r.account_id).toEqual(
        [...want.get(r.account_id)!.frames].sort(),
      );
    }
    expect(new Set(state.rows.map((r) => r.component)).size).toBeLessThan(state.rows.length);
  });

  it('leaves the cluster coverage rollup equal to a full recompute over the new clusters', async () => {
    const cols = COVERAGE_COLS;
    const fresh = `SELECT ${cols} FROM (${coverageRowsSql('all')}) x`;
    const stored = `SELECT ${cols} FROM cluster_coverage`;
    const n = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cluster_coverage');
    expect(n.rows[0].n).toBeGreaterThan(0);
    for (const [a, b] of [
      [fresh, stored],
      [stored, fresh],
    ])
      expect((await pool.query(`${a} EXCEPT ALL ${b}`)).rows).toEqual([]);
    // and every page rollup: the host's cluster gained the joiner and kept its members, so it was
    // updated from the joiner's and touched members' rollups (not recomputed over all of them)
    const run = await pool.query<{ r: { updated: number; recomputed: number } }>(
      `SELECT stats->'rollups' AS r FROM detect_runs WHERE id = $1`,
      [inc.runId],
    );
    expect(run.rows[0].r.updated).toBeGreaterThanOrEqual(1);
    expect(await rollupSnapshot(pool)).toEqual(await recomputedSnapshot(pool));
  });

  it('records the run, its ingest mark and an audit row; a second run finds nothing new', async () => {
    const run = await pool.query<{ mode: string; hwm: string | null }>(
      'SELECT mode, ingest_hwm::text AS hwm FROM detect_runs WHERE id = $1',
      [inc.runId],
    );
    expect(run.rows[0]).toEqual({ mode: 'since_last', hwm: '3' }); // accounts, events, extra batch
    const audit = await pool.query<{ after: { mode: string; touched: number } }>(
      `SELECT after FROM audit_log WHERE action = 'detect.run' AND target_id = $1`,
      [inc.runId],
    );
    expect(audit.rows[0].after).toMatchObject({ mode: 'since_last', touched: touched.length });
    const again = await runDetection(pool, { sinceLast: true });
    expect(again.touched).toBe(0);
    expect(again.accounts).toBe(0);
  });
});
