// Regularised logistic regression, small and dependency-free: Newton's method (IRLS) with an L2
// penalty on the weights (not the intercept) and non-negative weights kept by an active set
// (a weight that wants to go negative is fixed at 0 and the rest refitted). Evidence values are
// "how suspicious", so a negative weight would make suspicious behaviour lower the risk.
// No npm package for this runs as plain TypeScript on Node 20 without a native or WASM build
// that fits in a few lines; 26 features × a few thousand accounts solve in milliseconds.

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

/** Solves A x = b for a symmetric positive definite A (Cholesky); A is overwritten. */
export function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= a[i][k] * a[j][k];
      a[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / a[j][j];
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i][k] * y[k];
    y[i] = s / a[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= a[k][i] * x[k];
    x[i] = s / a[i][i];
  }
  return x;
}

/** Newton iterations on the free features (index 0 = intercept, then features in `free`). */
function newton(
  x: ArrayLike<number>[],
  y: number[],
  free: number[],
  l2: number,
  start: LogisticModel,
  iters: number,
): LogisticModel {
  const d = free.length + 1;
  const m: LogisticModel = { intercept: start.intercept, weights: [...start.weights] };
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const p = predict(m, x[i]);
      const r = p - y[i];
      const w = Math.max(p * (1 - p), 1e-9);
      const row = [1, ...free.map((j) => x[i][j])];
      for (let a = 0; a < d; a++) {
        g[a] += r * row[a];
        for (let b = 0; b <= a; b++) h[a][b] += w * row[a] * row[b];
      }
    }
    for (let a = 1; a < d; a++) {
      g[a] += l2 * m.weights[free[a - 1]];
      h[a][a] += l2;
    }
    h[0][0] += 1e-9;
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) h[a][b] = h[b][a];
    const step = solveSpd(h, g);
    m.intercept -= step[0];
    let moved = Math.abs(step[0]);
    free.forEach((j, k) => {
      m.weights[j] -= step[k + 1];
      moved = Math.max(moved, Math.abs(step[k + 1]));
    });
    if (moved < 1e-7) break;
  }
  return m;
}

/** Fits P(y = 1 | x) = σ(b + w·x), L2 penalty `l2` on w, w ≥ 0. */
export function fitLogistic(
  x: ArrayLike<number>[],
  y: number[],
  o: { l2?: number; iters?: number } = {},
): LogisticModel {
  const p = x[0]?.length ?? 0;
  const l2 = o.l2 ?? 1;
  const mean = y.reduce((a, b) => a + b, 0) / Math.max(1, y.length);
  const clampedMean = Math.min(1 - 1e-6, Math.max(1e-6, mean));
  let m: LogisticModel = {
    intercept: Math.log(clampedMean / (1 - clampedMean)),
    weights: new Array<number>(p).fill(0),
  };
  let free = Array.from({ length: p }, (_, j) => j);
  for (let round = 0; round <= p; round++) {
    m = newton(x, y, free, l2, m, o.iters ?? 50);
    const negative = free.filter((j) => m.weights[j] < 0);
    if (negative.length === 0) break;
    for (const j of negative) m.weights[j] = 0;
    free = free.filter((j) => !negative.includes(j));
  }
  return m;
}
