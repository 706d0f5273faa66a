import 'server-only';
import {
  getClusterHeader,
  getClusterMemberIds,
  getClusterMembers,
  type ClusterHeader,
  type ClusterMemberRow,
} from './cluster-detail';
import { getClusterIndicators, type IndicatorMatrix } from './cluster-indicators';
import { getPartitionedCoverage, type PartitionedCoverage } from './cluster-coverage';
import { getSeries, type AccountSeries } from './account-series';

export interface ClusterPageData {
  header: ClusterHeader;
  members: ClusterMemberRow[];
  indicators: IndicatorMatrix;
  coverage: PartitionedCoverage;
  timeline: AccountSeries;
}

/** Combined timeline of all members (account_daily summed by day, coverage counted once per bucket). */
export async function getClusterTimeline(
  memberIds: string[],
  events: number,
): Promise<AccountSeries> {
  return getSeries(memberIds, 'cluster', events);
}

export async function getClusterPageData(clusterId: string): Promise<ClusterPageData | null> {
  const [header, ids] = await Promise.all([
    getClusterHeader(clusterId),
    getClusterMemberIds(clusterId),
  ]);
  if (!header) return null;
  const [members, indicators, coverage, timeline] = await Promise.all([
    getClusterMembers(clusterId),
    getClusterIndicators(ids),
    getPartitionedCoverage(clusterId),
    getClusterTimeline(ids, header.events),
  ]);
  return { header, members, indicators, coverage, timeline };
}
