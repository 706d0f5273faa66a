import type { PoolClient } from 'pg';

// Per-cluster coverage rollup, written at the end of a detection run (same transaction as the
// results): for every cluster, each taxonomy bucket (kind 0, "unknown" excluded) and fine LSH
// bucket (kind 1) is credited to the member that reached it first, and counted per UTC day. The
// cluster page's partitioned-coverage chart reads these few rows instead of walking every member's
// account_bucket rows per page view (docs/detection.md, "Cluster page rollups").

/**
 * First member and day per (cluster, kind, bucket); 'param' narrows it to cluster $1 with member
 * ids $2 (account_bucket is a grouped view: only a filter on its own account_id reaches the day
 * sets' index, a join condition would aggregate every account first).
 */
export function firstHitsSql(members: 'all' | 'param'): string {
  return `SELECT DISTINCT ON (m.cluster_id, b.kind, b.bucket) m.cluster_id, b.kind, b.account_id,
            (b.first_ts AT TIME ZONE 'UTC')::date AS day
     FROM cluster_members m JOIN account_bucket b ON b.account_id = m.account_id
     WHERE NOT (b.kind = 0 AND b.bucket = 0)${members === 'param' ? ' AND m.cluster_id = $1 AND b.account_id = ANY($2::text[])' : ''}
     ORDER BY m.cluster_id, b.kind, b.bucket, b.first_ts, b.account_id`;
}

/** Per (cluster, day, member): buckets first reached. */
export function coverageRowsSql(members: 'all' | 'param'): string {
  return `SELECT cluster_id, day, account_id, count(*) FILTER (WHERE kind = 0)::int AS tax_new,
            count(*) FILTER (WHERE kind = 1)::int AS lsh_new
     FROM (${firstHitsSql(members)}) f GROUP BY cluster_id, day, account_id`;
}

/** Replaces the rollup with this run's clusters (cluster_members must already hold them). */
export async function writeClusterCoverage(c: PoolClient, runId: string): Promise<number> {
  await c.query('DELETE FROM cluster_coverage');
  const r = await c.query(
    `INSERT INTO cluster_coverage (cluster_id, day, account_id, tax_new, lsh_new, run_id)
     SELECT cluster_id, day, account_id, tax_new, lsh_new, $1::bigint FROM (${coverageRowsSql('all')}) x`,
    [runId],
  );
  return r.rowCount ?? 0;
}
