import type { Pool } from 'pg';
import { clusterFeatures } from './cluster-features';
import { scoreCluster } from './cluster-score';
import { linkAccounts, type LinkResult as Linked } from './link';
import { loadIndicatorGroups, type IndicatorGroup } from './load-indicators';
import type { AccountResult } from './score-accounts';
import type { DetectSettings } from './settings';
import type { ClusterRow } from './write-results';

import { clusterIdOf } from './cluster-identity';
import type { VolumeRanges } from './benign-range';
import { pooledBand, pooledEvidence, pooledValues } from './cluster-band';

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The most accounts a shared value may have and still link them (a fifth of the accounts at most). */
export const linkCap = (accounts: number, s: DetectSettings) =>
  Math.max(10, Math.min(s.maxIndicatorAccounts, Math.ceil(accounts * 0.2)));

/** Links accounts into clusters through shared rare indicators and template frames. */
export async function linkAll(
  pool: Pick<Pool, 'query'>,
  ids: string[],
  s: DetectSettings,
  frames: IndicatorGroup[],
): Promise<Linked> {
  const cap = linkCap(ids.length, s);
  const groups = await loadIndicatorGroups(
    pool,
    cap,
    s.signupBurstMinutes,
    frames.filter((f) => f.accounts.length <= cap),
  );
  return linkAccounts(ids, groups, { threshold: s.linkThreshold, cap, minSize: s.minClusterSize });
}

/** Features and risk of the linked clusters `keep` selects (all by default); `byId` has their members. */
export async function scoreLinked(
  pool: Pick<Pool, 'query'>,
  link: Linked,
  byId: Map<string, AccountResult>,
  s: DetectSettings,
  onProgress: (done: number, total: number) => void,
  keep: (members: string[]) => boolean = () => true,
  ranges?: VolumeRanges,
): Promise<ClusterRow[]> {
  const clusters: ClusterRow[] = [];
  for (let i = 0; i < link.clusters.length; i++) {
    const members = link.clusters[i];
    if (!keep(members)) continue;
    const f = await clusterFeatures(pool, members, (id) => byId.get(id)?.daily.events ?? 0);
    const known = members.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const dailies = known.map((r) => r.daily);
    const inTok = dailies.reduce((t, d) => t + d.inTok, 0);
    const v = pooledValues(dailies);
    const pooled = pooledBand(
      v,
      { events: f.events, tax: f.union_tax_share, lsh: f.union_coverage_lsh },
      known.map((r) => ({
        events: r.daily.events,
        tax: num(r.values.coverage_tax),
        lsh: num(r.values.coverage_lsh),
      })),
      ranges,
    );
    const sc = scoreCluster(
      { ...f, pooled_band: pooled },
      pooledEvidence(v),
      s,
      inTok > 0 ? dailies.reduce((t, d) => t + d.outTok, 0) / inTok : 0,
    );
    clusters.push({
      id: clusterIdOf(members),
      risk: sc.risk,
      flagged: sc.risk >= s.clusterThreshold,
      members: members.length,
      events: f.events,
      reasons: sc.reasons,
      contributions: sc.contributions,
      features: { ...f, pooled_band: pooled },
      indicators: link.shared[i],
      member_ids: members,
      member_ties: link.ties[i],
    });
    onProgress(i + 1, link.clusters.length);
  }
  return clusters;
}

/** Links accounts into clusters, computes cluster features and risk. */
export async function scoreClusters(
  pool: Pick<Pool, 'query'>,
  results: AccountResult[],
  s: DetectSettings,
  frames: IndicatorGroup[],
  onProgress: (done: number, total: number) => void,
  ranges?: VolumeRanges,
): Promise<{ clusters: ClusterRow[]; pairs: number; link: Linked }> {
  const link = await linkAll(
    pool,
    results.map((r) => r.id),
    s,
    frames,
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  const clusters = await scoreLinked(pool, link, byId, s, onProgress, undefined, ranges);
  return { clusters, pairs: link.pairsScored, link };
}
