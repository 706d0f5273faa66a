import type { PoolClient } from 'pg';
import { coverageRowsSql, writeClusterCoverage } from './cluster-coverage';
import { writeClusterMatrices } from './cluster-matrix';

// The cluster page's rollups, written by detection in the run's transaction once cluster_members
// holds the run's clusters: cluster_coverage (partitioned coverage), cluster_daily (combined
// timeline) and cluster_matrix (shared indicators). The page then reads one cluster's rows
// instead of every member's rollups (docs/performance.md, "Account page throughput and the cluster page at 1,000 members").

/**
 * Per (cluster, day): the members' account_daily summed; taxonomy buckets first reached by the
 * cluster that day (cluster_coverage's, "unknown" excluded); templates first seen by each member
 * that day, summed (a template's first day is the least day of the member's day sets holding it).
 * 'param' narrows it to the clusters $2. Reads cluster_coverage: write that first.
 */
function insertDailySql(which: 'all' | 'param'): string {
  const only = (col: string) => (which === 'param' ? `WHERE ${col} = ANY($2::text[])` : '');
  return `INSERT INTO cluster_daily (cluster_id, day, events, input_tokens, output_tokens, reasoning, thinking,
       finish_length, tax_new, new_templates, run_id)
     SELECT cluster_id, day, sum(events), sum(input_tokens), sum(output_tokens), sum(reasoning), sum(thinking),
       sum(finish_length), sum(tax_new), sum(new_templates), $1::bigint
     FROM (
       SELECT m.cluster_id, d.day, d.events::bigint AS events, d.input_tokens, d.output_tokens, d.reasoning::bigint AS reasoning,
         d.thinking::bigint AS thinking, d.finish_length::bigint AS finish_length, 0 AS tax_new, 0 AS new_templates
       FROM cluster_members m JOIN account_daily d ON d.account_id = m.account_id ${only('m.cluster_id')}
       UNION ALL
       SELECT cluster_id, day, 0, 0, 0, 0, 0, 0, tax_new, 0 FROM cluster_coverage ${only('cluster_id')}
       UNION ALL
       SELECT m.cluster_id, t.day, 0, 0, 0, 0, 0, 0, 0, t.n
       FROM cluster_members m, LATERAL (
         SELECT f.day, count(*)::int AS n FROM (
           SELECT min(s.day) AS day FROM account_day_sets s, unnest(s.simhash) AS u(h)
           WHERE s.account_id = m.account_id GROUP BY u.h) f
         GROUP BY f.day) t
       ${only('m.cluster_id')}
     ) x GROUP BY cluster_id, day`;
}

/** A full run: every cluster's page rollups replaced. */
export async function writeClusterRollups(c: PoolClient, runId: string): Promise<void> {
  await writeClusterCoverage(c, runId);
  await c.query('DELETE FROM cluster_daily');
  await c.query(insertDailySql('all'), [runId]);
  await c.query('DELETE FROM cluster_matrix');
  const { rows } = await c.query<{ id: string; member_ids: string[] }>(
    `SELECT cluster_id AS id, array_agg(account_id ORDER BY account_id) AS member_ids
     FROM cluster_members GROUP BY cluster_id`,
  );
  await writeClusterMatrices(c, runId, rows);
}

/**
 * An incremental run: the rollups of the clusters `gone` (stale or rewritten) are deleted and
 * those of `clusters` (already in cluster_members) written, each through its members' index.
 */
export async function rewriteClusterRollups(
  c: PoolClient,
  runId: string,
  gone: string[],
  clusters: Array<{ id: string; member_ids: string[] }>,
): Promise<void> {
  for (const t of ['cluster_coverage', 'cluster_daily', 'cluster_matrix'])
    await c.query(`DELETE FROM ${t} WHERE cluster_id = ANY($1)`, [gone]);
  for (const k of clusters)
    await c.query(
      `INSERT INTO cluster_coverage (cluster_id, day, account_id, tax_new, lsh_new, run_id)
       SELECT cluster_id, day, account_id, tax_new, lsh_new, $3::bigint FROM (${coverageRowsSql('param')}) x`,
      [k.id, k.member_ids, runId],
    );
  await c.query(insertDailySql('param'), [runId, clusters.map((k) => k.id)]);
  await writeClusterMatrices(c, runId, clusters);
}
