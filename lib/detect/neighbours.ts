import type { SignalValues } from './compute-signals';
import type { Range } from './benign-range';
import { COHORT_WIDE, SIGNALS } from './signal-defs';
import { quantileSorted } from './stats';

// Distance to the nearest benign accounts of similar volume, in the space of all behaviour
// signals at once. The benign population is a mixture of segments (batch jobs run round the
// clock on one topic, curriculum builders cover many topics in office hours, chat users do
// neither): a per-signal range pools them, so an account that is ordinary on each axis for SOME
// segment but matches no segment on all axes together goes unseen. Its k-th nearest benign
// neighbour is far away, whatever each signal alone says. Issue 13, "joint evidence".
// The reference is every account, not the trimmed one of the joint score: trimming removed whole
// benign segments (batch jobs), which then had no neighbours. k = 10 keeps a small campaign from
// being its own neighbourhood; a larger one is left to the other signals and linking.

const FEATURES = SIGNALS.filter((d) => !COHORT_WIDE.has(d.id));
// Ratios and counts with long right tails are compared on a log scale.
const LOG = new Set([
  'out_in_ratio',
  'out_per_request',
  'max_tokens_cap',
  'keys_per_week',
  'timing_cv',
]);
const Z_CAP = 6;
export const NEIGHBOURS_K = 10;
const WINDOW = 400;
/** Below this many events an account's signals are too noisy to place among its neighbours. */
export const NOVELTY_MIN_EVENTS = 400;

export interface Novelty {
  /** distance to the k-th nearest reference account of similar volume (robust sd units);
   *  null when the account was not compared (too few events, or no reference to compare with) */
  distance: number | null;
  /** the signals on which the account differs most from those neighbours, in sd */
  apart: { signal: string; z: number }[];
}

const tx = (id: string, v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? null
    : LOG.has(id)
      ? Math.log1p(Math.max(0, v))
      : v;

/** Robust standardisation over the reference accounts; a missing value sits at the median. */
function standardise(values: SignalValues[], ref: number[]): Float64Array[] {
  const cols = FEATURES.map((d) => {
    const xs = ref.map((i) => tx(d.id, values[i][d.id])).filter((x): x is number => x !== null);
    const s = Float64Array.from(xs).sort();
    const med = s.length ? quantileSorted(s, 0.5) : 0;
    const iqr = s.length ? quantileSorted(s, 0.75) - quantileSorted(s, 0.25) : 0;
    const floor = (d.hi - d.lo) / 10; // as joint.ts: a share that is 0 for most accounts still scales
    return { med, sd: Math.max(iqr / 1.349, LOG.has(d.id) ? 0.1 : floor, 1e-9) };
  });
  return values.map((v) =>
    Float64Array.from(FEATURES, (d, j) => {
      const x = tx(d.id, v[d.id]);
      if (x === null) return 0;
      return Math.max(-Z_CAP, Math.min(Z_CAP, (x - cols[j].med) / cols[j].sd));
    }),
  );
}

function dist2(a: Float64Array, b: Float64Array): number {
  let t = 0;
  for (let j = 0; j < a.length; j++) t += (a[j] - b[j]) ** 2;
  return t;
}

/**
 * For every account: the distance to its k-th nearest reference account among the WINDOW
 * reference accounts nearest in volume (itself excluded: `self(i)` is its own index among the
 * reference, itself in a full run, its reference copy when scored against a frozen population),
 * and the signals that set it apart.
 */
export function novelty(
  values: SignalValues[],
  events: number[],
  allRef: number[],
  self: (i: number) => number = (i) => i,
): Novelty[] {
  const ref = allRef.filter((i) => events[i] >= NOVELTY_MIN_EVENTS);
  const z = standardise(values, ref);
  const byVol = [...ref].sort((a, b) => events[a] - events[b]);
  const vols = Float64Array.from(byVol, (i) => events[i]);
  const w = Math.min(WINDOW, byVol.length);
  return values.map((_, i) => {
    if (events[i] < NOVELTY_MIN_EVENTS) return { distance: null, apart: [] };
    let lo = 0;
    for (let hi = vols.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (vols[mid] < events[i]) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(0, Math.min(lo - (w >> 1), byVol.length - w));
    const me = self(i);
    const near = byVol
      .slice(start, start + w)
      .filter((r) => r !== me)
      .map((r) => ({ r, d: dist2(z[i], z[r]) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, NEIGHBOURS_K);
    if (near.length === 0) return { distance: null, apart: [] };
    const apart = FEATURES.map((d, j) => ({
      signal: d.id,
      z: z[i][j] - near.reduce((t, n) => t + z[n.r][j], 0) / near.length,
    }))
      .filter((a) => Math.abs(a.z) >= 1)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, 3);
    return { distance: Math.sqrt(near[near.length - 1].d), apart };
  });
}

/** p5/p50/p95 of the distance over the reference accounts that were compared: its own benign range. */
export function noveltyRange(n: Novelty[], ref: number[]): Range {
  const s = Float64Array.from(
    ref.map((i) => n[i].distance).filter((d): d is number => d !== null),
  ).sort();
  if (s.length === 0) return { p5: 0, p50: 0, p95: 0 };
  return { p5: quantileSorted(s, 0.05), p50: quantileSorted(s, 0.5), p95: quantileSorted(s, 0.95) };
}

/** 0 inside the benign range, full at two band-widths beyond its p95 (as the joint score). */
export function noveltyEvidence(d: number | null, r: Range): number {
  if (d === null) return 0;
  const w = Math.max(r.p95 - r.p50, 0.5);
  return Math.min(1, Math.max(0, (d - r.p95) / (3 * w)));
}

export function noveltyText(n: Novelty): string {
  if (n.distance === null) return `not compared: fewer than ${NOVELTY_MIN_EVENTS} events`;
  const label = (id: string) => SIGNALS.find((d) => d.id === id)?.label ?? id;
  const parts = n.apart.map(
    (a) => `${label(a.signal)} ${a.z > 0 ? '+' : '−'}${Math.abs(a.z).toFixed(1)} sd`,
  );
  return `${n.distance.toFixed(1)} sd from its ${NEIGHBOURS_K} nearest benign accounts of similar volume${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
