import type { ClusterFeatures } from './cluster-features';
import type { PooledBand } from './cluster-band';
import type { DetectSettings } from './settings';
import type { Contribution } from './score';
import { clamp01, logistic } from './stats';

const ramp = (v: number, lo: number, hi: number) => clamp01((v - lo) / (hi - lo));

// Cluster evidences, each 0..1, with the UI label used in reasons.
export const CLUSTER_SIGNALS: Record<string, { label: string; explain: string }> = {
  size: {
    label: 'Linked accounts',
    explain: 'Number of accounts linked by shared rare indicators (5 → none, 60 → full evidence).',
  },
  partition: {
    label: 'Partitioned coverage',
    explain:
      'Members cover disjoint slices of the prompt space, more than independent users would: one sweep split between accounts.',
  },
  correlated_volume: {
    label: 'Correlated hourly volume',
    explain:
      "Members' hourly request counts rise and fall together: one scheduler behind many accounts.",
  },
  distinct_orgs: {
    label: 'Separate identities',
    explain:
      'Members use separate orgs while sharing rare infrastructure (a company team shares one org).',
  },
  signup_burst: {
    label: 'Signup burst',
    explain: 'Share of members created within 24 hours of each other.',
  },
  union_coverage: {
    label: 'Combined taxonomy coverage',
    explain: 'Capability buckets covered by the members together.',
  },
  exploration: {
    label: 'Cluster exploration',
    explain:
      'Distinct fine prompt buckets of all members relative to a uniform sampler of the same total volume: a shared sweep keeps finding new prompts.',
  },
  harvest_ratio: {
    label: 'Pooled output/input ratio',
    explain:
      "Output tokens per input token over all members' traffic: short prompts pulling long answers.",
  },
  member_evidence: {
    label: 'Pooled harvesting signals',
    explain:
      "Output/input ratio, cut-offs, reasoning, max_tokens and temperature of all members' traffic pooled, as if one client.",
  },
  pooled_band: {
    label: 'Pooled client beyond the benign range',
    explain:
      "All members' traffic pooled as one client (output/input, cut-offs, reasoning, max_tokens, temperature, single-turn), each ratio judged as an account's is, against the benign range of accounts of the pooled volume: nothing inside the range, full at two band-widths beyond it (weighted sum 0.5 → none, 2 → full). Members too small to be judged alone are judged together.",
  },
  cluster_sweep: {
    label: 'Cluster sweep order',
    explain: 'Systematic order in which the members together first visit taxonomy buckets.',
  },
};

export interface ClusterScore {
  risk: number;
  contributions: Record<string, Contribution>;
  reasons: string[];
}

/** Cluster risk from its features and the mean evidence total of its members (Σ w·e of each). */
export function scoreCluster(
  f: ClusterFeatures & { pooled_band?: PooledBand },
  memberEvidence: number,
  s: DetectSettings,
  pooledOutIn = 0,
): ClusterScore {
  const pc = f.pooled_band?.harvest ?? 0;
  const values: Record<string, [number, number]> = {
    size: [f.members, ramp(f.members, 5, 60)],
    partition: [f.partition_excess, f.members >= 3 ? ramp(f.partition_excess, 0.45, 0.85) : 0],
    correlated_volume: [f.correlated_volume, ramp(f.correlated_volume, 0.15, 0.5)],
    distinct_orgs: [f.distinct_orgs, f.members >= 3 ? ramp(f.distinct_orgs, 0.5, 0.9) : 0],
    signup_burst: [f.signup_burst, f.members >= 5 ? ramp(f.signup_burst, 0.4, 0.9) : 0],
    union_coverage: [f.union_coverage_tax, ramp(f.union_coverage_tax, 0.5, 0.85)],
    exploration: [f.exploration, f.members >= 3 ? ramp(f.exploration, 0.55, 0.8) : 0],
    harvest_ratio: [pooledOutIn, ramp(pooledOutIn, 2.5, 6)],
    member_evidence: [memberEvidence, ramp(memberEvidence, 0.5, 2)],
    cluster_sweep: [f.cluster_sweep, ramp(f.cluster_sweep, 0.5, 0.85)],
    pooled_band: [pc, ramp(pc, 0.5, 2)],
  };
  const contributions: Record<string, Contribution> = {};
  let total = 0;
  for (const [id, [value, evidence]] of Object.entries(values)) {
    const weight = s.clusterWeights[id] ?? 0;
    contributions[id] = { value, evidence, weight, contribution: weight * evidence };
    total += weight * evidence;
  }
  const reasons = Object.entries(contributions)
    .filter(([, c]) => c.contribution >= 0.1)
    .sort((a, b) => b[1].contribution - a[1].contribution)
    .slice(0, 4)
    .map(
      ([id, c]) =>
        `${CLUSTER_SIGNALS[id].label} ${id === 'size' ? c.value : (c.value ?? 0).toFixed(2)}`,
    );
  return { risk: logistic(s.clusterSlope * (total - s.clusterBias)), contributions, reasons };
}
