import { getClusterHeader, getClusterMemberIds, getClusterMembers, type ClusterHeader, type ClusterMemberRow } from './cluster-detail';
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
export async function getClusterTimeline(clusterId: string, events: number): Promise<AccountSeries> {
  return getSeries(await getClusterMemberIds(clusterId), 'cluster', events);
}

export async function getClusterPageData(clusterId: string): Promise<ClusterPageData | null> {
  const header = await getClusterHeader(clusterId);
  if (!header) return null;
  const [members, indicators, coverage, timeline] = await Promise.all([
    getClusterMembers(clusterId),
    getClusterIndicators(clusterId),
    getPartitionedCoverage(clusterId),
    getClusterTimeline(clusterId, header.events),
  ]);
  return { header, members, indicators, coverage, timeline };
}
