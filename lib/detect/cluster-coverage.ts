import type { PoolClient } from 'pg';

// Per-cluster coverage rollup, written at the end of a detection run (same transaction as the
// results): for every cluster, each taxonomy bucket (kind 0, "unknown" excluded) and fine LSH
// bucket (kind 1) is credited to the member that reached it first, and counted per UTC day. The
// cluster page's partitioned-coverage chart reads these few rows instead of walking every member's
// account_bucket rows per page view (docs/detection.md, "Cluster page rollups"). Each row also
// lists its buckets with their first times, so an incremental run can update a cluster from the
// members that received events (cluster-rollup-update.ts).

/** Milliseconds since the start of the UTC day of `ts` (an account_bucket first_ts, exact to the ms). */
const msOfDay = (ts: string) =>
  `((extract(epoch FROM ${ts}) * 1000)::bigint - ((${ts} AT TIME ZONE 'UTC')::date - DATE '1970-01-01') * 86400000::bigint)::int`;

/**
 * First member and day per (cluster, kind, bucket); 'param' narrows it to cluster $1 with member
 * ids $2 (account_bucket is a grouped view: only a filter on its own account_id reaches the day
 * sets' index, a join condition would aggregate every account first).
 */
export function firstHitsSql(members: 'all' | 'param'): string {
  return `SELECT DISTINCT ON (m.cluster_id, b.kind, b.bucket) m.cluster_id, b.kind, b.bucket, b.account_id,
            (b.first_ts AT TIME ZONE 'UTC')::date AS day, ${msOfDay('b.first_ts')} AS ms
     FROM cluster_members m JOIN account_bucket b ON b.account_id = m.account_id
     WHERE NOT (b.kind = 0 AND b.bucket = 0)${members === 'param' ? ' AND m.cluster_id = $1 AND b.account_id = ANY($2::text[])' : ''}
     ORDER BY m.cluster_id, b.kind, b.bucket, b.first_ts, b.account_id`;
}

/**
 * Per (cluster, day, member) of first hits `hits` (cluster_id, kind, bucket, account_id, day, ms):
 * the buckets first reached, counted and listed (bucket order) with their first times.
 */
export function groupHitsSql(hits: string): string {
  const list = (kind: number, col: string, type: string) =>
    `coalesce(array_agg(${col} ORDER BY bucket) FILTER (WHERE kind = ${kind}), '{}')::${type}[]`;
  return `SELECT cluster_id, day, account_id, count(*) FILTER (WHERE kind = 0)::int AS tax_new,
            count(*) FILTER (WHERE kind = 1)::int AS lsh_new,
            ${list(0, 'bucket', 'smallint')} AS tax_buckets, ${list(0, 'ms', 'int')} AS tax_first,
            ${list(1, 'bucket', 'smallint')} AS lsh_buckets, ${list(1, 'ms', 'int')} AS lsh_first
     FROM (${hits}) f GROUP BY cluster_id, day, account_id`;
}

/** Per (cluster, day, member): buckets first reached. */
export function coverageRowsSql(members: 'all' | 'param'): string {
  return groupHitsSql(firstHitsSql(members));
}

export const COVERAGE_COLS =
  'cluster_id, day, account_id, tax_new, lsh_new, tax_buckets, tax_first, lsh_buckets, lsh_first';

/** Replaces the rollup with this run's clusters (cluster_members must already hold them). */
export async function writeClusterCoverage(c: PoolClient, runId: string): Promise<number> {
  await c.query('DELETE FROM cluster_coverage');
  const r = await c.query(
    `INSERT INTO cluster_coverage (${COVERAGE_COLS}, run_id)
     SELECT ${COVERAGE_COLS}, $1::bigint FROM (${coverageRowsSql('all')}) x`,
    [runId],
  );
  return r.rowCount ?? 0;
}

/** Writes cluster $1's rollup (members $2) afresh from its members' day sets. */
export async function rewriteClusterCoverage(
  c: PoolClient,
  runId: string,
  k: { id: string; member_ids: string[] },
): Promise<void> {
  await c.query('DELETE FROM cluster_coverage WHERE cluster_id = $1', [k.id]);
  await c.query(
    `INSERT INTO cluster_coverage (${COVERAGE_COLS}, run_id)
     SELECT ${COVERAGE_COLS}, $3::bigint FROM (${coverageRowsSql('param')}) x`,
    [k.id, k.member_ids, runId],
  );
}
