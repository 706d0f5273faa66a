// Regularised logistic regression, small and dependency-free: the MAP estimate under a Gaussian
// prior on the weights (L2 penalty towards `prior`, 0 by default; the intercept is free) with
// non-negative weights, by cyclic coordinate descent (one Newton step per coordinate, halved until
// the objective does not rise, then projected onto w ≥ 0). The problem is convex and the bound is
// a box, so this converges to the constrained optimum; a weight that touched 0 can leave it again
// when the others move (the earlier Newton/active-set solver fixed such weights at 0 for good,
// which on some training sets zeroed nearly every weight). Evidence values are "how suspicious",
// so a negative weight would make suspicious behaviour lower the risk.
// 26 features × a few thousand accounts solve in well under a second.

export interface LogisticModel {
  intercept: number;
  weights: number[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function predict(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.intercept;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j] * x[j];
  return sigmoid(z);
}

// log(1 + e^z) without overflow
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

export interface FitOptions {
  /** strength of the Gaussian prior (L2 penalty) on the weights */
  l2?: number;
  /** prior mean of each weight (default 0: plain ridge) */
  prior?: number[];
  /** maximum sweeps over the coordinates */
  iters?: number;
  /** weight of each sample in the log-loss (default 1), e.g. to balance families */
  sampleWeight?: number[];
}

/**
 * Fits P(y = 1 | x) = σ(b + w·x) minimising Σ sampleWeight·log-loss + l2/2 · Σ (w_j − prior_j)²,
 * w ≥ 0.
 * A feature the labels say nothing about keeps its prior weight; one they contradict moves away.
 */
export function fitLogistic(
  x: ArrayLike<number>[],
  y: number[],
  o: FitOptions = {},
): LogisticModel {
  const n = x.length;
  const p = x[0]?.length ?? 0;
  const l2 = o.l2 ?? 1;
  const prior = o.prior ?? new Array<number>(p).fill(0);
  const sw = o.sampleWeight ?? new Array<number>(n).fill(1);
  const w = prior.map((v) => Math.max(0, v));
  const wsum = sw.reduce((a, b) => a + b, 0);
  const mean = y.reduce((a, b, i) => a + b * sw[i], 0) / Math.max(1e-12, wsum);
  const clamped = Math.min(1 - 1e-6, Math.max(1e-6, mean));
  let b = Math.log(clamped / (1 - clamped));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b;
    for (let j = 0; j < p; j++) s += w[j] * x[i][j];
    z[i] = s;
  }
  const col = (j: number, i: number) => (j < 0 ? 1 : x[i][j]);
  // objective restricted to a move of `d` along coordinate j (j = -1: the intercept)
  const objective = (j: number, d: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i] + d * col(j, i);
      s += sw[i] * (softplus(zi) - y[i] * zi);
    }
    return j < 0 ? s : s + (l2 / 2) * (w[j] + d - prior[j]) ** 2;
  };
  for (let sweep = 0; sweep < (o.iters ?? 500); sweep++) {
    let moved = 0;
    for (let j = -1; j < p; j++) {
      let g = 0,
        h = 1e-9;
      for (let i = 0; i < n; i++) {
        const xi = col(j, i);
        if (xi === 0) continue;
        const pi = sigmoid(z[i]);
        g += sw[i] * (pi - y[i]) * xi;
        h += sw[i] * pi * (1 - pi) * xi * xi;
      }
      if (j >= 0) {
        g += l2 * (w[j] - prior[j]);
        h += l2;
      }
      let d = -g / h;
      if (j >= 0 && w[j] + d < 0) d = -w[j];
      if (d === 0) continue;
      const f0 = objective(j, 0);
      while (Math.abs(d) > 1e-12 && objective(j, d) > f0) d /= 2;
      for (let i = 0; i < n; i++) z[i] += d * col(j, i);
      if (j < 0) b += d;
      else w[j] += d;
      moved = Math.max(moved, Math.abs(d));
    }
    if (moved < 1e-7) break;
  }
  return { intercept: b, weights: w };
}

/**
 * The intercept re-estimated on (x, y) with the weights held fixed: the MAP estimate under a
 * Gaussian prior centred on the model's own intercept (strength `l2`), by Newton steps. On data
 * that overlap it is the maximum-likelihood intercept (the mean predicted rate equals the observed
 * one); on separable data, where the likelihood alone has no finite optimum, the prior holds it.
 */
export function refitIntercept(
  x: ArrayLike<number>[],
  y: number[],
  m: LogisticModel,
  l2 = 1,
): LogisticModel {
  const base = x.map((r) => {
    let z = 0;
    for (let j = 0; j < m.weights.length; j++) z += m.weights[j] * r[j];
    return z;
  });
  let b = m.intercept;
  for (let it = 0; it < 200; it++) {
    let g = l2 * (b - m.intercept),
      h = l2;
    for (let i = 0; i < x.length; i++) {
      const p = sigmoid(base[i] + b);
      g += p - y[i];
      h += p * (1 - p);
    }
    const d = Math.max(-2, Math.min(2, -g / h)); // damped: a saturated start has h ≈ 0
    b += d;
    if (Math.abs(d) < 1e-10) break;
  }
  return { intercept: b, weights: m.weights };
}
