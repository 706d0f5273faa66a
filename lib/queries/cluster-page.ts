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
import { getSeries, seriesFrom, type AccountSeries, type RawDay } from './account-series';
import { getBenignBand } from './coverage-band';
import { rows } from './sql';

export interface ClusterPageData {
  header: ClusterHeader;
  members: ClusterMemberRow[];
  indicators: IndicatorMatrix;
  coverage: PartitionedCoverage;
  timeline: AccountSeries;
}

/**
 * Combined timeline of all members: detection's cluster_daily rollup (one row per day), or, for a
 * cluster without one (a run from before it), summed live from the members' rollups.
 */
export async function getClusterTimeline(
  clusterId: string,
  events: number,
): Promise<AccountSeries> {
  const [daily, band] = await Promise.all([
    rows<RawDay>(
      `SELECT day::text AS key, events::float8 AS events, input_tokens::float8 AS input_tokens,
              output_tokens::float8 AS output_tokens, reasoning::float8 AS reasoning, thinking::float8 AS thinking,
              finish_length::float8 AS finish_length, tax_new, 0 AS lsh_new, new_templates
       FROM cluster_daily WHERE cluster_id = $1 ORDER BY day`,
      [clusterId],
    ),
    getBenignBand('cluster', events),
  ]);
  if (daily.length > 0) return seriesFrom(daily, band);
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
