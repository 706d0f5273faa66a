import type { SignalValues } from './compute-signals';
import type { SignalDef } from './signal-defs';
import { quantileSorted } from './stats';

/** The benign range of one signal among accounts of similar volume. */
export interface Range {
  p5: number;
  p50: number;
  p95: number;
}
export type Ranges = Record<string, Range>;

// Below this many non-null neighbours a signal's range is the whole cohort's instead.
const MIN_VALUES = 20;

const numeric = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

function rangeOf(xs: number[]): Range | undefined {
  if (xs.length < MIN_VALUES) return undefined;
  const s = Float64Array.from(xs).sort();
  return { p5: quantileSorted(s, 0.05), p50: quantileSorted(s, 0.5), p95: quantileSorted(s, 0.95) };
}

/**
 * Benign ranges conditioned on volume: the reference accounts sorted by event count, and at grid
 * points along that order the p5/p50/p95 of every signal over the `k` accounts nearest in volume.
 * An account is compared with the grid point nearest its own volume, so coverage (and anything
 * else that grows with volume) is judged against accounts that sent as much as it did.
 * `global` lists signals judged against the whole cohort (volume itself).
 */
export class VolumeRanges {
  private volumes: Float64Array;
  private grid: Ranges[] = [];
  private step: number;
  private half: number;
  private whole: Ranges = {};

  constructor(
    ref: { events: number; values: SignalValues }[],
    signals: readonly string[],
    k: number,
    private global: ReadonlySet<string> = new Set(),
  ) {
    const sorted = [...ref].sort((a, b) => a.events - b.events);
    this.volumes = Float64Array.from(sorted, (r) => r.events);
    const n = sorted.length;
    const kk = Math.max(1, Math.min(k, n));
    this.half = Math.floor(kk / 2);
    this.step = Math.max(1, Math.floor(kk / 4));
    for (const sig of signals) {
      const r = rangeOf(sorted.map((x) => x.values[sig]).filter(numeric));
      if (r) this.whole[sig] = r;
    }
    for (let c = this.half; c - this.half < Math.max(1, n - kk + 1); c += this.step) {
      const lo = Math.max(0, c - this.half);
      const win = sorted.slice(lo, Math.min(n, lo + kk));
      const ranges: Ranges = {};
      for (const sig of signals) {
        if (this.global.has(sig)) continue;
        const r = rangeOf(win.map((x) => x.values[sig]).filter(numeric));
        if (r) ranges[sig] = r;
      }
      this.grid.push(ranges);
    }
  }

  /** Ranges for an account of this volume (whole-cohort range where the neighbourhood is thin). */
  at(events: number): Ranges {
    if (this.grid.length === 0) return this.whole;
    let lo = 0,
      hi = this.volumes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.volumes[mid] < events) lo = mid + 1;
      else hi = mid;
    }
    const g = Math.min(this.grid.length - 1, Math.max(0, Math.round((lo - this.half) / this.step)));
    return { ...this.whole, ...this.grid[g] };
  }
}

/** Neighbourhood size: ~10 % of the cohort, at least 100 and at most 500 accounts. */
export const neighbourhood = (n: number) => Math.max(100, Math.min(500, Math.round(n / 10)));

/** Width of a range on the suspicious side, floored at a quarter of the signal's nominal ramp. */
export function bandWidth(def: SignalDef, r: Range): number {
  const floor = (def.hi - def.lo) / 4;
  return Math.max(def.invert ? r.p50 - r.p5 : r.p95 - r.p50, floor);
}

/**
 * Band-widths beyond the benign range on the suspicious side (p95, or p5 for inverted signals);
 * 0 inside the range. Without a range (too few accounts) the nominal lo bound stands in for p95.
 */
export function beyond(def: SignalDef, value: number | null, r: Range | undefined): number {
  if (!numeric(value)) return 0;
  const range = r ?? { p5: def.hi, p50: (def.lo + def.hi) / 2, p95: def.lo };
  const d = def.invert ? range.p5 - value : value - range.p95;
  return d > 0 ? d / bandWidth(def, range) : 0;
}

/** Evidence 0..1: nothing inside the benign range, full at two band-widths beyond it. */
export function evidenceBeyond(def: SignalDef, value: number | null, r: Range | undefined): number {
  return Math.min(1, beyond(def, value, r) / 2);
}
