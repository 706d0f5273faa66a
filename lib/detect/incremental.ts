import type { Pool, PoolClient } from 'pg';
import { accountRows, type StepFn } from './core';
import { linkSinceLast } from './link-since-last';
import type { LinkStateUpdate } from './link-state';
import { loadBands } from './load-bands';
import { loadCoverage } from './load-coverage';
import { loadDaily } from './load-daily';
import { loadTemplates } from './load-templates';
import { runAll } from './run-all';
import { scoreAccounts, type AccountResult } from './score-accounts';
import { scoreLinked } from './score-clusters';
import type { DetectSettings } from './settings';
import { loadPopulation, touchedSinceLast } from './since-last';
import { loadMemberResults, memberResults, type MemberResultRow } from './member-results';
import { previousClusters, type AccountScoreRow, type ClusterRow } from './write-results';

export interface IncrementalOutput {
  sinceRun: string;
  /** the accounts that received events since the last run (their rollups changed), distinct */
  touchedIds: string[];
  /** rows of the rescored accounts: the touched ones and every member of an affected cluster */
  accounts: AccountScoreRow[];
  /** the affected clusters, scored */
  clusters: ClusterRow[];
  /** every cluster of the new linking (member lists), for continuing cluster ids */
  linked: string[][];
  /** previous clusters whose member set is gone (their rows are replaced) */
  stale: string[];
  /** 'partial' or why every account was relinked (link-since-last.ts) */
  linkMode: string;
  relinked: number;
  linkState: LinkStateUpdate;
  /** own results of the accounts scored from their rollups that are cluster members */
  memberResults: MemberResultRow[];
  /** touched accounts and those scored from their rollups (their stored own results are replaced) */
  rescored: string[];
  /** members rescored with their stored own result (their rollups were not read) */
  reused: number;
}

// what the loaders read (account_bucket and account_template are views no loader reads)
const SHADOW = ['account_daily', 'account_day_sets', 'account_indicator'];
const keyOf = (m: string[]) => [...m].sort().join('\u0000');

/**
 * Rescoring after an ingest: the accounts that received events since the last successful run,
 * judged against the last full run's population; linking is redone for the components those
 * accounts reach (link-since-last.ts) and only the clusters that hold a touched account, or whose
 * member set changed, are rescored with all their members. Every other account, cluster and flag
 * is left as it is. For the rescored accounts the result is a full run's with the same population.
 */
export async function detectSinceLast(
  pool: Pool,
  s: DetectSettings,
  step: StepFn,
): Promise<IncrementalOutput> {
  const touched = await touchedSinceLast(pool);
  step('touched');
  const population = await loadPopulation(pool);
  step('population');
  const cap = Math.max(10, s.maxIndicatorAccounts);
  const T = new Set(touched.accounts);
  const tb = await shadowed(pool, touched.accounts, ['account_day_sets'], (c) => loadBands(c, cap));
  step('touched frames');
  const ids = [...new Set([...population.ids, ...touched.accounts])];
  const sl = await linkSinceLast(
    pool,
    s,
    ids,
    touched.accounts,
    tb.accountFrames ?? new Map(),
    touched.reingested,
    async () => (await loadBands(pool, cap)).accountFrames ?? new Map(),
  );
  const link = sl.link;
  step('link');
  const prev = await previousClusters(pool);
  const prevKeys = new Set(prev.map((p) => keyOf(p.members)));
  const newKeys = new Set(link.clusters.map(keyOf));
  const affected = (m: string[]) => m.some((id) => T.has(id)) || !prevKeys.has(keyOf(m));
  const stale = prev.filter((p) => !newKeys.has(keyOf(p.members)));
  const rescan = new Set(T);
  for (const m of link.clusters.filter(affected)) m.forEach((id) => rescan.add(id));
  for (const p of stale) p.members.forEach((id) => rescan.add(id));
  // members not touched keep their own result (same rollups, same population): stored ones
  const kept = await loadMemberResults(
    pool,
    [...rescan].filter((id) => !T.has(id)),
  );
  const fresh = [...rescan].filter((id) => !kept.has(id));
  const r = await shadowed(pool, fresh, SHADOW, rollups(cap));
  step('load rollups');
  const { results: scored, ranges } = scoreAccounts(r.daily, r.cov, r.tpl, s, population);
  const results = [...scored, ...kept.values()];
  step('score accounts');
  const byId = new Map<string, AccountResult>(results.map((x) => [x.id, x]));
  const clusters = await scoreLinked(
    pool,
    link,
    byId,
    s,
    (d, t) => step('clusters', d, t),
    affected,
    ranges,
  );
  step('clusters');
  return {
    sinceRun: touched.sinceRun,
    touchedIds: touched.accounts,
    accounts: accountRows(results, clusters, s),
    clusters,
    linked: link.clusters,
    stale: stale.map((p) => p.id),
    linkMode: sl.mode,
    relinked: sl.relinked,
    linkState: sl.state,
    memberResults: memberResults(scored, link.clusters),
    rescored: [...new Set([...T, ...fresh])],
    reused: kept.size,
  };
}

/** The rollups of the shadowed accounts (near-duplicates from their own templates). */
const rollups = (cap: number) => async (c: PoolClient, ids: string[]) => {
  const bands = await loadBands(c, cap);
  const [daily, cov] = await runAll(c, [() => loadDaily(c), () => loadCoverage(c)] as const);
  const tpl = await loadTemplates(c, bands.nearDup);
  const keep = new Set(ids); // a rollup table not shadowed above reads every account: narrow it
  for (const m of [daily, cov, tpl]) for (const id of m.keys()) if (!keep.has(id)) m.delete(id);
  return { daily, cov, tpl };
};

/** Runs `fn` with `tables` shadowed by temporary copies of the given accounts' rows. */
async function shadowed<T>(
  pool: Pool,
  ids: string[],
  tables: string[],
  fn: (c: PoolClient, ids: string[]) => Promise<T>,
): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (const t of tables)
      await c.query(
        `CREATE TEMP TABLE ${t} ON COMMIT DROP AS SELECT * FROM public.${t} WHERE account_id = ANY($1)`,
        [ids],
      );
    return await fn(c, ids);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
}
