import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { clusterFeatures } from './cluster-features';
import { scoreCluster } from './cluster-score';
import { linkAccounts } from './link';
import { loadIndicatorGroups } from './load-indicators';
import type { AccountResult } from './score-accounts';
import type { DetectSettings } from './settings';
import type { ClusterRow } from './write-results';

/** Stable id: the same smallest member gives the same cluster id across runs. */
export const clusterIdOf = (members: string[]) => `c_${createHash('sha256').update([...members].sort()[0]).digest('hex').slice(0, 12)}`;

/** Links accounts into clusters, computes cluster features and risk. */
export async function scoreClusters(
  pool: Pick<Pool, 'query'>, results: AccountResult[], s: DetectSettings, onProgress: (done: number, total: number) => void,
): Promise<{ clusters: ClusterRow[]; pairs: number }> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const ids = results.map((r) => r.id);
  const cap = Math.max(10, Math.min(s.maxIndicatorAccounts, Math.ceil(ids.length * 0.2)));
  const groups = await loadIndicatorGroups(pool, cap, s.signupBurstMinutes);
  const link = linkAccounts(ids, groups, { threshold: s.linkThreshold, cap, minSize: s.minClusterSize });
  const clusters: ClusterRow[] = [];
  for (let i = 0; i < link.clusters.length; i++) {
    const members = link.clusters[i];
    const f = await clusterFeatures(pool, members, (id) => byId.get(id)?.daily.events ?? 0);
    const memberEvidence = members.reduce((t, id) => t + (byId.get(id)?.total ?? 0), 0) / members.length;
    const sc = scoreCluster(f, memberEvidence, s);
    clusters.push({
      id: clusterIdOf(members), risk: sc.risk, flagged: sc.risk >= s.clusterThreshold, members: members.length,
      events: f.events, reasons: sc.reasons, contributions: sc.contributions, features: f,
      indicators: link.shared[i], member_ids: members,
    });
    onProgress(i + 1, link.clusters.length);
  }
  return { clusters, pairs: link.pairsScored };
}
