import type { PoolClient } from 'pg';
import { COVERAGE_COLS, groupHitsSql } from './cluster-coverage';

// The cluster page's coverage rollup of a cluster that kept all its members since the last run,
// updated from the members that received events since (detect --since-last) or joined it, instead
// of recomputed over every member's day sets. Day sets are only appended to, so a member's first
// time of a bucket only moves earlier, and a bucket's first member in the cluster (least first
// time, then least account id) after a batch is the least of the stored first hit and the fresh
// members' own: the same credit a recomputation gives (tests/integration/cluster-rollup-update.int.test.ts).

const EPOCH_MS = (day: string) => `(${day} - DATE '1970-01-01') * 86400000::bigint`;

/** A cluster's stored first hits ($1) and the fresh members' ($2) own first times, as (account, kind, bucket, t ms). */
const CANDIDATES = `
  SELECT c.account_id, 0 AS kind, u.b::int AS bucket, ${EPOCH_MS('c.day')} + u.f AS t
  FROM cluster_coverage c CROSS JOIN LATERAL unnest(c.tax_buckets, c.tax_first) AS u(b, f)
  WHERE c.cluster_id = $1
  UNION ALL
  SELECT c.account_id, 1, u.b::int, ${EPOCH_MS('c.day')} + u.f
  FROM cluster_coverage c CROSS JOIN LATERAL unnest(c.lsh_buckets, c.lsh_first) AS u(b, f)
  WHERE c.cluster_id = $1
  UNION ALL
  SELECT s.account_id, 0, u.b::int, min(${EPOCH_MS('s.day')} + u.f)
  FROM account_day_sets s CROSS JOIN LATERAL unnest(s.tax_bucket, s.tax_first) AS u(b, f)
  WHERE s.account_id = ANY($2::text[]) AND u.b <> 0 GROUP BY s.account_id, u.b
  UNION ALL
  SELECT s.account_id, 1, u.b::int, min(${EPOCH_MS('s.day')} + u.f)
  FROM account_day_sets s CROSS JOIN LATERAL unnest(s.lsh_bucket, s.lsh_first) AS u(b, f)
  WHERE s.account_id = ANY($2::text[]) GROUP BY s.account_id, u.b`;

const MERGED_HITS = `
  SELECT DISTINCT ON (kind, bucket) $1::text AS cluster_id, kind, bucket, account_id,
    DATE '1970-01-01' + (t / 86400000)::int AS day, (t % 86400000)::int AS ms
  FROM (${CANDIDATES}) x ORDER BY kind, bucket, t, account_id`;

/**
 * The clusters of `clusters` that can be updated, each with the members whose first times and
 * template days are to be read afresh: a cluster that holds every member it had in the last run
 * under its id (`previous`), whose stored coverage rows carry their bucket lists (rows written
 * before the lists existed, or by code that does not fill them, leave it to be recomputed) and
 * whose old members all have their template days stored. Fresh: its members in `touched` and the
 * ones it gained. Any other cluster is recomputed over all its members.
 */
export async function plannedUpdates(
  c: PoolClient,
  clusters: Array<{ id: string; member_ids: string[] }>,
  previous: Map<string, string[]>,
  touched: Set<string>,
): Promise<Map<string, string[]>> {
  const plan = new Map<string, string[]>();
  for (const k of clusters) {
    const old = previous.get(k.id);
    const now = new Set(k.member_ids);
    if (!old || !old.every((m) => now.has(m))) continue;
    const had = new Set(old);
    const { rows } = await c.query<{ lists: boolean | null; days: number }>(
      `SELECT (SELECT bool_and(cardinality(tax_buckets) = tax_new AND cardinality(lsh_buckets) = lsh_new)
               FROM cluster_coverage WHERE cluster_id = $1) AS lists,
              (SELECT count(*)::int FROM member_template_days WHERE account_id = ANY($2::text[])) AS days`,
      [k.id, old],
    );
    if (rows[0].lists === true && rows[0].days === old.length)
      plan.set(
        k.id,
        k.member_ids.filter((m) => touched.has(m) || !had.has(m)),
      );
  }
  return plan;
}

/** Updates cluster `id`'s coverage rows with the first times of its members `fresh`. */
export async function updateClusterCoverage(
  c: PoolClient,
  runId: string,
  id: string,
  fresh: string[],
): Promise<void> {
  // the merge reads the rows it replaces: staged in a temporary table, then swapped in
  await c.query('CREATE TEMP TABLE cluster_coverage_next (LIKE cluster_coverage) ON COMMIT DROP');
  await c.query(
    `INSERT INTO cluster_coverage_next (${COVERAGE_COLS}, run_id)
     SELECT ${COVERAGE_COLS}, $3::bigint FROM (${groupHitsSql(MERGED_HITS)}) x`,
    [id, fresh, runId],
  );
  await c.query('DELETE FROM cluster_coverage WHERE cluster_id = $1', [id]);
  await c.query('INSERT INTO cluster_coverage SELECT * FROM cluster_coverage_next');
  await c.query('DROP TABLE cluster_coverage_next');
}
