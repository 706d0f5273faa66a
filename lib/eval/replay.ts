import type { Pool } from 'pg';
import { detectCore } from '@/lib/detect/core';
import type { DetectSettings } from '@/lib/detect/settings';
import type { ClusterRow } from '@/lib/detect/write-results';
import { addDays, daysBetween } from './days';

// "Queries before first alarm": detection replayed on day prefixes of the data. Inside one
// transaction the rollup tables are shadowed by temporary copies holding only what was known
// before the cut-off (temp tables come first on the search path), detection runs on that
// connection, and the transaction is rolled back. Per-day rows (account_daily, account_day_sets,
// which detection's loaders read) are exact; the views' rows (account_bucket, account_template:
// the cluster features read them) and indicator rows are cut on their first_ts (their event counts
// are then slightly overstated, which does not change coverage, template or linking structure).
const SHADOW: [string, string][] = [
  ['account_daily', 'day < $1::date'],
  ['account_day_sets', 'day < $1::date'],
  ['account_bucket', 'first_ts < $1::timestamptz'],
  ['account_template', 'first_ts < $1::timestamptz'],
  ['account_indicator', 'first_ts < $1::timestamptz'],
];

export interface ReplayPoint {
  cutoff: string;
  flagged: Set<string>;
  /** members (any state) of the clusters flagged at this cut-off: the cluster's flag is an alarm */
  inFlaggedCluster: Set<string>;
  clusterOf: Map<string, string>;
  /** the prefix's clusters, member states included (for the benign cluster census) */
  clusters: ClusterRow[];
}

export async function replayAt(
  pool: Pool,
  cutoff: string,
  s: DetectSettings,
): Promise<ReplayPoint> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (const [t, where] of SHADOW) {
      await c.query(
        `CREATE TEMP TABLE ${t} ON COMMIT DROP AS SELECT * FROM public.${t} WHERE ${where}`,
        [cutoff],
      );
    }
    await c.query('CREATE INDEX ON account_day_sets (account_id)');
    await c.query('CREATE INDEX ON account_bucket (account_id)');
    await c.query('CREATE INDEX ON account_daily (account_id)');
    await c.query(
      'ANALYZE account_daily, account_day_sets, account_bucket, account_template, account_indicator',
    );
    const out = await detectCore(c, s);
    return {
      cutoff,
      flagged: new Set(out.accounts.filter((a) => a.flagged).map((a) => a.account_id)),
      inFlaggedCluster: new Set(out.clusters.filter((k) => k.flagged).flatMap((k) => k.member_ids)),
      clusterOf: new Map(out.clusters.flatMap((k) => k.member_ids.map((m) => [m, k.id] as const))),
      clusters: out.clusters,
    };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
}

/** Day cut-offs spread over the data's span (n points, the last one = everything). */
export async function cutoffs(pool: Pool, n: number): Promise<string[]> {
  const { rows } = await pool.query<{ f: string; l: string }>(
    `SELECT min(day)::text AS f, (max(day) + 1)::text AS l FROM account_daily`,
  );
  const days = daysBetween(rows[0].f, rows[0].l);
  return Array.from({ length: n }, (_, i) => addDays(rows[0].f, Math.round(((i + 1) * days) / n)));
}

/** Events of the given accounts before a day (exact, from account_daily). */
export async function eventsBefore(pool: Pool, ids: string[], day: string | null): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT coalesce(sum(events), 0)::float8 AS n FROM account_daily WHERE account_id = ANY($1) AND ($2::date IS NULL OR day < $2::date)`,
    [ids, day],
  );
  return Number(rows[0].n);
}

/** Members (any state) of the clusters the last run flagged. */
export async function inFlaggedClusters(pool: Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ account_id: string }>(
    `SELECT m.account_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE c.flagged`,
  );
  return new Set(rows.map((r) => r.account_id));
}

/** The first day with data. */
export async function firstDay(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ f: string }>(`SELECT min(day)::text AS f FROM account_daily`);
  return rows[0].f;
}
