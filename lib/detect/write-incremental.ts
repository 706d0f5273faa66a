import type { PoolClient } from 'pg';
import { rewriteClusterRollups } from './cluster-rollups';
import { assignClusterIds, type VanishedCluster } from './cluster-identity';
import type { IncrementalOutput } from './incremental';
import { closeVanished, upsertFlags } from './write-flags';
import { applyClusterIds, insertClusters, insertJson, previousClusters } from './write-results';

const keyOf = (m: string[]) => [...m].sort().join('\u0000');

/**
 * Writes an incremental run: the rescored accounts' rows, the affected clusters (ids continued
 * from the previous run's by overlap, computed over the whole new linking so an unchanged cluster
 * keeps its id), their flags and the cluster page's rollups (coverage, daily, matrix: updated from the touched and new
 * members when a cluster kept all its members, else recomputed); the stale clusters' rows go and their open
 * flags close. Accounts, clusters, coverage and flags not rescored are left untouched (an unchanged
 * cluster's members and rollups are unchanged). Caller holds the transaction.
 */
export async function writeIncremental(
  c: PoolClient,
  runId: string,
  out: IncrementalOutput,
  step: (stage: string) => void = () => {},
): Promise<{
  newFlags: number;
  vanished: VanishedCluster[];
  /** clusters whose page rollups were updated from their touched members, or recomputed */
  rollups: { updated: number; recomputed: number };
}> {
  const now = new Date().toISOString();
  const prev = await previousClusters(c);
  const { ids, vanished } = assignClusterIds(out.linked, prev);
  const idOf = new Map(out.linked.map((m, i) => [keyOf(m), ids[i]]));
  applyClusterIds(
    { accounts: out.accounts, clusters: out.clusters, band: [], baselines: [] },
    out.clusters.map((k) => idOf.get(keyOf(k.member_ids))!),
  );
  const rescored = out.accounts.map((a) => a.account_id);
  await c.query('DELETE FROM account_score WHERE account_id = ANY($1)', [rescored]);
  await insertJson(
    c,
    'account_score',
    out.accounts.map((a) => ({ ...a, run_id: runId, computed_at: now })),
  );
  const gone = [...out.stale, ...out.clusters.map((k) => k.id)];
  await c.query('DELETE FROM cluster_members WHERE cluster_id = ANY($1) OR account_id = ANY($2)', [
    gone,
    rescored,
  ]);
  await c.query('DELETE FROM clusters WHERE id = ANY($1)', [gone]);
  await insertClusters(c, runId, out.clusters, now);
  step('write scores');
  // the cluster page's rollups of the affected clusters only, each read through its members' index
  const rollups = await rewriteClusterRollups(
    c,
    runId,
    {
      gone,
      clusters: out.clusters,
      previous: new Map(prev.map((p) => [p.id, p.members])),
      touched: new Set(out.touchedIds),
    },
    step,
  );
  step('write cluster rollups');
  const newFlags = await upsertFlags(c, runId, out.accounts, out.clusters);
  await closeVanished(c, runId, vanished);
  return { newFlags, vanished, rollups };
}
