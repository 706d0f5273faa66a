import 'server-only';
import { pgPool } from '@/lib/db/client';
import { indicatorMatrix, type IndicatorMatrix } from '@/lib/detect/cluster-matrix';
import { getClusterMemberIds } from './cluster-detail';
import { one } from './sql';

export type { IndicatorMatrix } from '@/lib/detect/cluster-matrix';

/**
 * Which members share what: the indicators held by ≥ 2 members (most shared first), with how many
 * accounts hold them overall. Detection's stored matrix (cluster_matrix); computed live from the
 * members' indicators when the cluster has none (a run from before the rollup).
 */
export async function getClusterIndicators(clusterId: string): Promise<IndicatorMatrix> {
  const stored = await one<{ matrix: IndicatorMatrix }>(
    'SELECT matrix FROM cluster_matrix WHERE cluster_id = $1',
    [clusterId],
  );
  return stored?.matrix ?? indicatorMatrix(pgPool(), await getClusterMemberIds(clusterId));
}
