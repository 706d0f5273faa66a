/** Precision / recall / FPR of scores at a threshold. */
export function confusion(
  p: number[],
  y: number[],
  threshold: number,
): { precision: number | null; recall: number | null; fpr: number | null; tp: number; fp: number } {
  let tp = 0,
    fp = 0,
    pos = 0,
    neg = 0;
  for (let i = 0; i < p.length; i++) {
    if (y[i] === 1) pos++;
    else neg++;
    if (p[i] >= threshold) {
      if (y[i] === 1) tp++;
      else fp++;
    }
  }
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: pos > 0 ? tp / pos : null,
    fpr: neg > 0 ? fp / neg : null,
    tp,
    fp,
  };
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  n: number;
  meanPredicted: number | null;
  observed: number | null;
}

/** Reliability table: predicted probability in `bins` equal-width bins vs the observed rate. */
export function reliability(p: number[], y: number[], bins = 10): ReliabilityBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({
    lo: b / bins,
    hi: (b + 1) / bins,
    n: 0,
    sp: 0,
    sy: 0,
  }));
  for (let i = 0; i < p.length; i++) {
    const b = out[Math.min(bins - 1, Math.floor(p[i] * bins))];
    b.n++;
    b.sp += p[i];
    b.sy += y[i];
  }
  return out.map((b) => ({
    lo: b.lo,
    hi: b.hi,
    n: b.n,
    meanPredicted: b.n ? b.sp / b.n : null,
    observed: b.n ? b.sy / b.n : null,
  }));
}

/** Mean squared error of the probabilities (Brier score). */
export function brier(p: number[], y: number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - y[i]) ** 2;
  return p.length ? s / p.length : 0;
}
