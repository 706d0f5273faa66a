import type { DetectSettings } from './settings';
import type { ClusterRow } from './write-results';

export type MemberState = 'flagged' | 'review' | 'linked';

export interface MemberVerdict {
  state: MemberState;
  /** flagged because of the cluster (own risk alone is below the threshold) */
  viaCluster: boolean;
}

/**
 * Membership is not a verdict. A member of a flagged cluster is flagged with it only when it has
 * evidence of its own (own risk ≥ memberSupportRisk) or a strong tie (≥ strongTieKinds independent
 * rare indicators shared with the other members); otherwise it is "linked, review". Members of a
 * cluster that is not flagged are just linked. An account flagged on its own stays flagged.
 */
export function memberVerdict(
  ownRisk: number,
  ownFlagged: boolean,
  tie: { kinds: number },
  clusterFlagged: boolean,
  s: Pick<DetectSettings, 'strongTieKinds' | 'memberSupportRisk'>,
): MemberVerdict {
  if (ownFlagged) return { state: 'flagged', viaCluster: false };
  if (!clusterFlagged) return { state: 'linked', viaCluster: false };
  if (tie.kinds >= s.strongTieKinds || ownRisk >= s.memberSupportRisk)
    return { state: 'flagged', viaCluster: true };
  return { state: 'review', viaCluster: false };
}

/** Reason lines of a member, by state (own reasons follow). */
export function memberReasons(
  k: ClusterRow,
  v: MemberVerdict,
  tie: { kinds: number; strength: number },
  own: string[],
): string[] {
  if (v.viaCluster)
    return [
      `Member of flagged cluster ${k.id} (${k.members} accounts; tied by ${tie.kinds} independent rare indicators)`,
      ...k.reasons.slice(0, 2).map((x) => `Cluster: ${x}`),
      ...own,
    ];
  if (v.state === 'review')
    return [
      ...own,
      `Linked, review: weak tie to flagged cluster ${k.id} (${tie.kinds} independent rare indicator${tie.kinds === 1 ? '' : 's'}), no strong evidence of its own`,
    ];
  return own;
}
