// Small, dependency-free statistics used by the signals, baselines and cluster features.

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Quantile of an ascending-sorted array (linear interpolation); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function sortedCopy(xs: Iterable<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

export function median(xs: Iterable<number>): number {
  return quantileSorted(sortedCopy(xs), 0.5);
}

/** Median and MAD scaled to a normal sd (1.4826), with a floor so z never divides by ~0. */
export function robustCentre(xs: number[], floor = 1e-6): { med: number; mad: number } {
  const med = median(xs);
  const mad = 1.4826 * median(xs.map((x) => Math.abs(x - med)));
  return { med, mad: Math.max(mad, floor) };
}

/** Shannon entropy (nats) of a histogram, normalised to 0..1 by log(bins). */
export function normalisedEntropy(hist: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i];
  if (total <= 0 || hist.length < 2) return 0;
  let h = 0;
  for (let i = 0; i < hist.length; i++) {
    const p = hist[i] / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return h / Math.log(hist.length);
}

/**
 * One-sided upper CUSUM of a series against a reference level mu with slack k (in sd units):
 * S_t = max(0, S_{t-1} + (x_t − mu)/sd − k). Returns max S_t (a sustained rise scores high).
 */
export function cusumMax(series: ArrayLike<number>, mu: number, sd: number, k = 0.5): number {
  let s = 0;
  let best = 0;
  const d = Math.max(sd, 1e-9);
  for (let i = 0; i < series.length; i++) {
    s = Math.max(0, s + (series[i] - mu) / d - k);
    if (s > best) best = s;
  }
  return best;
}

/** Pearson correlation of two equal-length series; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  let sa = 0,
    sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const ma = sa / n,
    mb = sb / n;
  let cov = 0,
    va = 0,
    vb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma,
      db = b[i] - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
