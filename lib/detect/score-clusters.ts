import type { Pool } from 'pg';
import { clusterFeatures } from './cluster-features';
import { scoreCluster } from './cluster-score';
import { computeSignals } from './compute-signals';
import type { DailyAgg } from './load-daily';
import { linkAccounts, type LinkResult as Linked } from './link';
import { SIGNALS, evidenceOf } from './signal-defs';
import { loadIndicatorGroups, type IndicatorGroup } from './load-indicators';
import type { AccountResult } from './score-accounts';
import type { DetectSettings } from './settings';
import type { ClusterRow } from './write-results';

import { clusterIdOf } from './cluster-identity';

// Per-request ratios that stay meaningful when the members' rollups are pooled into one stream,
// with fixed weights: the cluster score is tuned on these and must not move when calibration
// refits the account weights.
const POOLED: Record<string, number> = {
  out_in_ratio: 0.5,
  finish_length: 0.6,
  reasoning_share: 0.8,
  thinking_share: 0.5,
  max_tokens_cap: 0.6,
  constant_temperature: 0.4,
  single_turn: 0.3,
};

/** Σ weight × evidence of the pooled members' harvesting/reasoning signals (the cluster seen as one client). */
export function pooledEvidence(members: DailyAgg[]): number {
  const p = { ...members[0], how: [], daily: [], dayIdx: [] } as DailyAgg;
  const keys = [
    'events',
    'inTok',
    'outTok',
    'finishLength',
    'reasoning',
    'thinking',
    'singleTurn',
    'maxTokSum',
    'maxTokN',
    'tempN',
    'tempSum',
    'tempSum2',
  ] as const;
  for (const k of keys) p[k] = members.reduce((t, m) => t + m[k], 0);
  const v = computeSignals(p, undefined, undefined, { logMed: 0, logMad: 1 });
  return SIGNALS.filter((d) => d.id in POOLED).reduce(
    (t, d) => t + POOLED[d.id] * evidenceOf(d, v[d.id]),
    0,
  );
}

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
): Promise<ClusterRow[]> {
  const clusters: ClusterRow[] = [];
  for (let i = 0; i < link.clusters.length; i++) {
    const members = link.clusters[i];
    if (!keep(members)) continue;
    const f = await clusterFeatures(pool, members, (id) => byId.get(id)?.daily.events ?? 0);
    const dailies = members.flatMap((id) => (byId.has(id) ? [byId.get(id)!.daily] : []));
    const inTok = dailies.reduce((t, d) => t + d.inTok, 0);
    const sc = scoreCluster(
      f,
      pooledEvidence(dailies),
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
      features: f,
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
): Promise<{ clusters: ClusterRow[]; pairs: number; link: Linked }> {
  const link = await linkAll(
    pool,
    results.map((r) => r.id),
    s,
    frames,
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  const clusters = await scoreLinked(pool, link, byId, s, onProgress);
  return { clusters, pairs: link.pairsScored, link };
}
