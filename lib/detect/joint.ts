import type { SignalValues } from './compute-signals';
import type { Range, Ranges } from './benign-range';
import { SIGNALS, type SignalDef } from './signal-defs';
import { quantileSorted } from './stats';
import { gateOpen } from './gate';

/** One group's part of the joint score: its most unusual signal, in robust sd beyond the median. */
export interface JointPart {
  group: SignalDef['group'];
  signal: string;
  z: number;
}
export interface Joint {
  /** Σ over signal groups of max(0, z − 1), z the group's most unusual signal */
  score: number;
  parts: JointPart[];
}

// Volume is what the cohort is conditioned on; it does not count again as joint evidence.
const SKIP = new Set<SignalDef['group']>(['volume']);
const Z_CAP = 8;

/** One-sided robust z of a value against its benign range (sd estimated as (p95 − p50) / 1.645). */
export function robustZ(def: SignalDef, value: number | null, r: Range | undefined): number {
  if (value === null || !Number.isFinite(value) || !r) return 0;
  const floor = (def.hi - def.lo) / 10;
  const sd = Math.max((def.invert ? r.p50 - r.p5 : r.p95 - r.p50) / 1.645, floor);
  const d = def.invert ? r.p50 - value : value - r.p50;
  return Math.min(Z_CAP, Math.max(0, d / sd));
}

/**
 * Robust multivariate outlier score within the account's volume cohort: per signal group (timing,
 * templates, coverage, reasoning, harvesting, conversation, keys) the most unusual signal's
 * one-sided robust z; the groups' excesses over 1 sd are summed. Correlated signals of one group
 * count once, so several moderately unusual, independent facts add up where none alone would.
 */
export function jointScore(values: SignalValues, ranges: Ranges): Joint {
  const best = new Map<SignalDef['group'], JointPart>();
  for (const def of SIGNALS) {
    if (SKIP.has(def.group)) continue;
    const z = gateOpen(def, values, ranges)
      ? robustZ(def, values[def.id] ?? null, ranges[def.id])
      : 0;
    const b = best.get(def.group);
    if (!b || z > b.z) best.set(def.group, { group: def.group, signal: def.id, z });
  }
  const parts = [...best.values()].filter((p) => p.z > 1).sort((a, b) => b.z - a.z);
  return { score: parts.reduce((t, p) => t + (p.z - 1), 0), parts };
}

/** p50/p95 of the joint score over the reference accounts: its own benign range. */
export function jointRange(scores: number[]): Range {
  const s = Float64Array.from(scores).sort();
  return { p5: quantileSorted(s, 0.05), p50: quantileSorted(s, 0.5), p95: quantileSorted(s, 0.95) };
}

/** Evidence of the joint score: 0 inside its benign range, full at two band-widths beyond p95. */
export function jointEvidence(score: number, r: Range): number {
  const w = Math.max(r.p95 - r.p50, 1);
  return Math.min(1, Math.max(0, (score - r.p95) / (2 * w)));
}

export function jointText(j: Joint): string {
  const label = (id: string) => SIGNALS.find((d) => d.id === id)?.label ?? id;
  return j.parts
    .slice(0, 3)
    .map((p) => `${label(p.signal)} +${p.z.toFixed(1)} sd`)
    .join(', ');
}
