import { bandWidth, beyond, evidenceBeyond, type VolumeRanges } from './benign-range';
import { computeSignals, type SignalValues } from './compute-signals';
import type { DailyAgg } from './load-daily';
import { gateOpen } from './gate';
import { SIGNALS, evidenceOf, type SignalDef } from './signal-defs';

// The cluster seen as one client: its members' rollups pooled into one stream and its union
// coverage, judged like an account against the benign range of accounts of the pooled volume
// (issue 13, items 1 and 6 at cluster level: nothing inside the range, evidence beyond it).
// Members of a distributed quiet sweep each hold too few events to be judged alone; pooled, they
// are one client with enough traffic to be compared with the accounts that sent as much.

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
const POOLED_DEFS = SIGNALS.filter((d) => d.id in POOLED);
const def = (id: string): SignalDef => SIGNALS.find((d) => d.id === id)!;
const TAX = def('coverage_tax');
const LSH = def('coverage_lsh');

/** The members' rollups pooled into one client's signal values (per-request ratios only). */
export function pooledValues(members: DailyAgg[]): SignalValues {
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
  return computeSignals(p, undefined, undefined, { logMed: 0, logMad: 1 });
}

/** Σ weight × nominal evidence of the pooled harvesting/reasoning signals (member_evidence). */
export function pooledEvidence(v: SignalValues): number {
  return POOLED_DEFS.reduce((t, d) => t + POOLED[d.id] * evidenceOf(d, v[d.id]), 0);
}

/** A member as the band sees it: its volume and its own coverage values. */
export interface MemberCoverage {
  events: number;
  tax: number;
  lsh: number;
}

export interface PooledBand {
  /** Σ fixed weight × evidence beyond the benign range at the pooled volume, pooled ratios */
  harvest: number;
  /** band-widths beyond the benign p95 of taxonomy / fine-bucket coverage, union at pooled volume */
  union_tax: number;
  union_lsh: number;
  /** members' own coverage against the band at each one's volume: Σ z / √k − 1 (p95 ↔ z = 1) */
  member_tax: number;
  member_lsh: number;
  /** band-widths beyond the range of each pooled ratio */
  beyond: Record<string, number>;
}

const ZERO: PooledBand = {
  harvest: 0,
  union_tax: 0,
  union_lsh: 0,
  member_tax: 0,
  member_lsh: 0,
  beyond: {},
};

function combined(
  d: SignalDef,
  members: MemberCoverage[],
  ranges: VolumeRanges,
  pick: (m: MemberCoverage) => number,
): number {
  let z = 0,
    k = 0;
  for (const m of members) {
    const r = ranges.at(m.events)[d.id];
    if (!r) continue;
    z += (pick(m) - r.p50) / bandWidth(d, r);
    k++;
  }
  return k === 0 ? 0 : Math.max(0, z / Math.sqrt(k) - 1);
}

/** The pooled client against the benign range at its volume (ZERO without ranges). */
export function pooledBand(
  v: SignalValues,
  union: { events: number; tax: number; lsh: number },
  members: MemberCoverage[],
  ranges: VolumeRanges | undefined,
): PooledBand {
  if (!ranges || members.length === 0) return ZERO;
  const at = ranges.at(union.events);
  const out: Record<string, number> = {};
  let harvest = 0;
  for (const d of POOLED_DEFS) {
    if (!gateOpen(d, v, at)) continue;
    out[d.id] = beyond(d, v[d.id] ?? null, at[d.id]);
    harvest += POOLED[d.id] * evidenceBeyond(d, v[d.id] ?? null, at[d.id]);
  }
  return {
    harvest,
    union_tax: beyond(TAX, union.tax, at[TAX.id]),
    union_lsh: beyond(LSH, union.lsh, at[LSH.id]),
    member_tax: combined(TAX, members, ranges, (m) => m.tax),
    member_lsh: combined(LSH, members, ranges, (m) => m.lsh),
    beyond: out,
  };
}
