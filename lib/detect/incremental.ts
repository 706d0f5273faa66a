import type { Pool } from 'pg';
import { accountRows, type StepFn } from './core';
import { loadBands } from './load-bands';
import { loadCoverage } from './load-coverage';
import { loadDaily } from './load-daily';
import { loadTemplates } from './load-templates';
import { runAll } from './run-all';
import { scoreAccounts, type AccountResult } from './score-accounts';
import { linkAll, scoreLinked } from './score-clusters';
import type { DetectSettings } from './settings';
import { loadPopulation, touchedSinceLast } from './since-last';
import { previousClusters, type AccountScoreRow, type ClusterRow } from './write-results';

export interface IncrementalOutput {
  sinceRun: string;
  touched: number;
  /** rows of the rescored accounts: the touched ones and every member of an affected cluster */
  accounts: AccountScoreRow[];
  /** the affected clusters, scored */
  clusters: ClusterRow[];
  /** every cluster of the new linking (member lists), for continuing cluster ids */
  linked: string[][];
  /** previous clusters whose member set is gone (their rows are replaced) */
  stale: string[];
}

const SHADOW = [
  'account_daily',
  'account_day_sets', // what loadCoverage / loadTemplates read (lib/detect/day-sets.ts)
  'account_bucket',
  'account_template',
  'account_indicator',
];
const keyOf = (m: string[]) => [...m].sort().join('\u0000');

/**
 * Rescoring after an ingest: the accounts that received events since the last successful run,
 * judged against the last full run's population; linking is redone over every account (its
 * inputs are global) and only the clusters that hold a touched account, or whose member set
 * changed, are rescored with all their members. Every other account, cluster and flag is left
 * as it is. For the rescored accounts the result is a full run's with the same population.
 */
export async function detectSinceLast(
  pool: Pool,
  s: DetectSettings,
  step: StepFn,
): Promise<IncrementalOutput> {
  const touched = await touchedSinceLast(pool);
  const population = await loadPopulation(pool);
  const bands = await loadBands(pool, Math.max(10, s.maxIndicatorAccounts));
  const T = new Set(touched.accounts);
  const ids = [...new Set([...population.ids, ...touched.accounts])];
  const link = await linkAll(pool, ids, s, bands.frames);
  step('link');
  const prev = await previousClusters(pool);
  const prevKeys = new Set(prev.map((p) => keyOf(p.members)));
  const newKeys = new Set(link.clusters.map(keyOf));
  const affected = (m: string[]) => m.some((id) => T.has(id)) || !prevKeys.has(keyOf(m));
  const stale = prev.filter((p) => !newKeys.has(keyOf(p.members)));
  const rescan = new Set(T);
  for (const m of link.clusters.filter(affected)) m.forEach((id) => rescan.add(id));
  for (const p of stale) p.members.forEach((id) => rescan.add(id));
  const r = await rollupsOf(pool, [...rescan], bands.nearDup);
  step('load rollups');
  const { results } = scoreAccounts(r.daily, r.cov, r.tpl, s, population);
  step('score accounts');
  const byId = new Map<string, AccountResult>(results.map((x) => [x.id, x]));
  const clusters = await scoreLinked(
    pool,
    link,
    byId,
    s,
    (d, t) => step('clusters', d, t),
    affected,
  );
  step('clusters');
  return {
    sinceRun: touched.sinceRun,
    touched: T.size,
    accounts: accountRows(results, clusters, s),
    clusters,
    linked: link.clusters,
    stale: stale.map((p) => p.id),
  };
}

/** The rollups of the given accounts only: the tables are shadowed by temporary copies of their rows. */
async function rollupsOf(pool: Pool, ids: string[], nearDup: Map<string, number>) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (const t of SHADOW)
      await c.query(
        `CREATE TEMP TABLE ${t} ON COMMIT DROP AS SELECT * FROM public.${t} WHERE account_id = ANY($1)`,
        [ids],
      );
    const [daily, cov] = await runAll(c, [() => loadDaily(c), () => loadCoverage(c)] as const);
    const tpl = await loadTemplates(c, nearDup);
    const keep = new Set(ids); // a rollup table not shadowed above reads every account: narrow it
    for (const m of [daily, cov, tpl]) for (const id of m.keys()) if (!keep.has(id)) m.delete(id);
    return { daily, cov, tpl };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
}
