import type { PoolClient } from 'pg';
import { rewriteClusterCoverage, writeClusterCoverage } from './cluster-coverage';
import { writeClusterMatrices } from './cluster-matrix';
import { plannedUpdates, updateClusterCoverage } from './cluster-rollup-update';

// The cluster page's rollups, written by detection in the run's transaction once cluster_members
// holds the run's clusters: cluster_coverage (partitioned coverage), cluster_daily (combined
// timeline) and cluster_matrix (shared indicators). The page then reads one cluster's rows
// instead of every member's rollups (docs/performance.md, "Account page throughput and the cluster page at 1,000 members").
// cluster_daily is summed from per-member pieces (account_daily, member_template_days) and
// cluster_coverage, so an incremental run refreshes only the pieces of the members that changed.

/**
 * Per member `$2` (all cluster members when null): how many templates it first used on each day
 * (a template's first day is the least day of the member's day sets holding it).
 */
const TEMPLATE_DAYS = `INSERT INTO member_template_days (account_id, days, counts, run_id)
  SELECT a.id, coalesce(array_agg(t.day ORDER BY t.day) FILTER (WHERE t.day IS NOT NULL), '{}'),
    coalesce(array_agg(t.n ORDER BY t.day) FILTER (WHERE t.day IS NOT NULL), '{}'), $1::bigint
  FROM (SELECT account_id AS id FROM cluster_members WHERE $2::text[] IS NULL
        UNION SELECT unnest($2::text[])) a
  LEFT JOIN LATERAL (
    SELECT f.day, count(*)::int AS n FROM (
      SELECT min(s.day) AS day FROM account_day_sets s, unnest(s.simhash) AS u(h)
      WHERE s.account_id = a.id GROUP BY u.h) f
    GROUP BY f.day) t ON true
  GROUP BY a.id`;

/** Replaces the template days of `ids` (null: every cluster member's, all others dropped). */
async function writeTemplateDays(c: PoolClient, runId: string, ids: string[] | null) {
  if (ids === null) await c.query('DELETE FROM member_template_days');
  else await c.query('DELETE FROM member_template_days WHERE account_id = ANY($1)', [ids]);
  await c.query(TEMPLATE_DAYS, [runId, ids]);
}

/**
 * Per (cluster, day): the members' account_daily summed; taxonomy buckets first reached by the
 * cluster that day (cluster_coverage's, "unknown" excluded); the members' template days summed.
 * 'param' narrows it to the clusters $2. Reads cluster_coverage and member_template_days.
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
       SELECT m.cluster_id, u.day, 0, 0, 0, 0, 0, 0, 0, u.n
       FROM cluster_members m JOIN member_template_days t ON t.account_id = m.account_id,
         unnest(t.days, t.counts) AS u(day, n)
       ${only('m.cluster_id')}
     ) x GROUP BY cluster_id, day`;
}

/** A full run: every cluster's page rollups replaced. */
export async function writeClusterRollups(c: PoolClient, runId: string): Promise<void> {
  await writeClusterCoverage(c, runId);
  await writeTemplateDays(c, runId, null);
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
 * those of `clusters` (already in cluster_members) written. A cluster that kept all its members
 * of the last run (`previous`, by id) and has its state stored is updated from its members in
 * `touched` and the ones it gained (cluster-rollup-update.ts); any other is recomputed over its
 * members, each through its members' index.
 */
export async function rewriteClusterRollups(
  c: PoolClient,
  runId: string,
  o: {
    gone: string[];
    clusters: Array<{ id: string; member_ids: string[] }>;
    previous: Map<string, string[]>;
    touched: Set<string>;
  },
  step: (stage: string) => void = () => {},
): Promise<{ updated: number; recomputed: number }> {
  const plan = await plannedUpdates(c, o.clusters, o.previous, o.touched);
  const rewritten = o.clusters.filter((k) => !plan.has(k.id));
  for (const t of ['cluster_coverage', 'cluster_daily', 'cluster_matrix'])
    await c.query(`DELETE FROM ${t} WHERE cluster_id = ANY($1)`, [
      o.gone.filter((id) => t !== 'cluster_coverage' || !plan.has(id)),
    ]);
  for (const [id, fresh] of plan) await updateClusterCoverage(c, runId, id, fresh);
  for (const k of rewritten) await rewriteClusterCoverage(c, runId, k);
  step('write coverage');
  await writeTemplateDays(c, runId, [
    ...[...plan.values()].flat(),
    ...rewritten.flatMap((k) => k.member_ids),
  ]);
  await c.query(insertDailySql('param'), [runId, o.clusters.map((k) => k.id)]);
  step('write daily');
  await writeClusterMatrices(c, runId, o.clusters);
  step('write matrix');
  return { updated: plan.size, recomputed: rewritten.length };
}
