import type { CoverageAgg } from './load-coverage';
import { STEPS } from './load-coverage';
import { FINE_BUCKETS, TAXONOMY_BUCKETS } from '@/lib/features';
import { quantileSorted, sortedCopy } from './stats';

/** Volume bins of the benign band: <100, 100–999, 1k–9,999, ≥10k events. */
export const VOLUME_BINS = [0, 100, 1000, 10_000] as const;
export function volumeBin(events: number): number {
  let b = 0;
  for (let i = 0; i < VOLUME_BINS.length; i++) if (events >= VOLUME_BINS[i]) b = i;
  return b;
}

export interface BandRow {
  subject: string;
  volume_bin: number;
  step: number;
  t_norm: number;
  tax_p5: number;
  tax_p50: number;
  tax_p95: number;
  lsh_p5: number;
  lsh_p50: number;
  lsh_p95: number;
  n: number;
}

const TAX_TOTAL = TAXONOMY_BUCKETS.length - 1;

/** p5/p50/p95 of C_tax and C_lsh at each normalised time step, per volume bin, over the given accounts. */
export function coverageBand(
  accounts: { events: number; cov: CoverageAgg }[],
  subject = 'account',
): BandRow[] {
  const rows: BandRow[] = [];
  for (let bin = 0; bin < VOLUME_BINS.length; bin++) {
    const inBin = accounts.filter((a) => volumeBin(a.events) === bin);
    if (inBin.length === 0) continue;
    for (let step = 0; step <= STEPS; step++) {
      const tax = sortedCopy(inBin.map((a) => a.cov.taxCum[step] / TAX_TOTAL));
      const lsh = sortedCopy(inBin.map((a) => a.cov.lshCum[step] / FINE_BUCKETS));
      rows.push({
        subject,
        volume_bin: bin,
        step,
        t_norm: step / STEPS,
        tax_p5: quantileSorted(tax, 0.05),
        tax_p50: quantileSorted(tax, 0.5),
        tax_p95: quantileSorted(tax, 0.95),
        lsh_p5: quantileSorted(lsh, 0.05),
        lsh_p50: quantileSorted(lsh, 0.5),
        lsh_p95: quantileSorted(lsh, 0.95),
        n: inBin.length,
      });
    }
  }
  return rows;
}

export interface SignalBaselineRow {
  signal: string;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
  n: number;
}

/** Cohort percentiles of every signal over the given per-account value maps (nulls skipped). */
export function signalBaselines(
  values: Record<string, number | null>[],
  ids: readonly string[],
): SignalBaselineRow[] {
  return ids.flatMap((signal) => {
    const xs = sortedCopy(
      values
        .map((v) => v[signal])
        .filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x)),
    );
    if (xs.length === 0) return [];
    const q = (p: number) => quantileSorted(xs, p);
    return [
      {
        signal,
        p5: q(0.05),
        p25: q(0.25),
        p50: q(0.5),
        p75: q(0.75),
        p95: q(0.95),
        p99: q(0.99),
        n: xs.length,
      },
    ];
  });
}
