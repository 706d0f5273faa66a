import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, refitIntercept, type LogisticModel } from './logistic';

/** Largest violation of the optimality (KKT) conditions of the non-negative, L2-penalised fit. */
function kktViolation(x: number[][], y: number[], m: LogisticModel, l2: number, prior?: number[]) {
  let worst = 0;
  m.weights.forEach((w, j) => {
    let g = l2 * (w - (prior?.[j] ?? 0));
    x.forEach((r, i) => (g += (predict(m, r) - y[i]) * r[j]));
    worst = Math.max(worst, w > 1e-6 ? Math.abs(g) : Math.max(0, -g));
  });
  return worst;
}

describe('regularised logistic regression', () => {
  it('separates a separable toy set and stays finite thanks to the L2 penalty', () => {
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const pos = i % 4 === 0;
      // feature 0 separates; feature 1 is noise; feature 2 points the wrong way (kept at 0)
      x.push([pos ? 0.6 + (i % 7) / 20 : (i % 5) / 20, (i % 3) / 3, pos ? 0 : (i % 2) * 0.5]);
      y.push(pos ? 1 : 0);
    }
    const m = fitLogistic(x, y, { l2: 0.5 });
    expect(Number.isFinite(m.weights[0])).toBe(true);
    expect(m.weights[0]).toBeGreaterThan(3);
    expect(m.weights[2]).toBe(0);
    for (let i = 0; i < x.length; i++) expect(predict(m, x[i]) >= 0.5).toBe(y[i] === 1);
  });

  it('is calibrated on noisy labels: predicted means match observed rates', () => {
    // P(y=1 | x) = σ(-3 + 5x), x on a grid, labels drawn deterministically in proportion
    const x: number[][] = [];
    const y: number[] = [];
    for (let k = 0; k <= 10; k++) {
      const p = 1 / (1 + Math.exp(-(-3 + 5 * (k / 10))));
      for (let i = 0; i < 200; i++) {
        x.push([k / 10]);
        y.push(i < Math.round(p * 200) ? 1 : 0);
      }
    }
    const m = fitLogistic(x, y, { l2: 1e-6 });
    expect(m.intercept).toBeCloseTo(-3, 1);
    expect(m.weights[0]).toBeCloseTo(5, 1);
  });

  it('reaches the optimum when collinear evidence sends the unconstrained fit negative', () => {
    // From a real training set (reasoning share, output/input, joint evidence all 1 on every
    // positive; one benign account high on all three). The former Newton/active-set solver fixed all
    // three weights at 0 for good and stopped at twice the optimal objective.
    const pos = [
      [0.1, 1, 1, 0.7, 1],
      [0.1, 1, 1, 0.6, 1],
      [0, 1, 1, 0, 1],
      [0, 1, 1, 0.1, 1],
      [0, 1, 1, 0.6, 1],
    ];
    const neg = [
      [0, 0.3, 0, 0, 0],
      [0, 0.1, 0, 0, 0],
      [0, 0.9, 0.7, 0, 0.8],
      [0.1, 0, 0, 0, 0],
    ];
    const x = [...pos, ...neg, ...Array.from({ length: 61 }, () => [0, 0, 0, 0, 0])];
    const y = x.map((_, i) => (i < pos.length ? 1 : 0));
    const m = fitLogistic(x, y, { l2: 1 });
    expect(kktViolation(x, y, m, 1)).toBeLessThan(1e-4);
    expect(m.weights[1] + m.weights[2] + m.weights[4]).toBeGreaterThan(3);
  });

  it('keeps the prior weight of a feature the labels say nothing about', () => {
    // feature 1 is never non-zero among these accounts: the data cannot move it, the prior holds
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const pos = i % 10 === 0;
      x.push([pos ? 0.8 : (i % 7) / 30, 0]);
      y.push(pos ? 1 : 0);
    }
    const prior = [1, 2.5];
    const m = fitLogistic(x, y, { l2: 1, prior });
    expect(m.weights[1]).toBeCloseTo(2.5, 6);
    expect(m.weights[0]).toBeGreaterThan(3);
    expect(kktViolation(x, y, m, 1, prior)).toBeLessThan(1e-4);
    // without the prior the same feature gets no weight
    expect(fitLogistic(x, y, { l2: 1 }).weights[1]).toBe(0);
  });
});

describe('sample weights', () => {
  it('a sample of weight 2 counts as two copies of it', () => {
    const x = [[0.1], [0.9], [0.5], [0.7], [0.3]];
    const y = [0, 1, 0, 1, 1];
    const dup = fitLogistic([...x, x[2]], [...y, y[2]], { l2: 0.5 });
    const weighted = fitLogistic(x, y, { l2: 0.5, sampleWeight: [1, 1, 2, 1, 1] });
    expect(weighted.intercept).toBeCloseTo(dup.intercept, 5);
    expect(weighted.weights[0]).toBeCloseTo(dup.weights[0], 5);
  });
});

describe('refitIntercept', () => {
  it('moves only the intercept, until the mean predicted rate equals the observed rate', () => {
    // overlapping classes: the likelihood has a finite optimum, which the weak prior barely moves
    const x = Array.from({ length: 300 }, (_, i) => [(i % 10) / 10, (i % 7) / 7]);
    const y: number[] = x.map((r, i) => (r[0] + r[1] > 1 || i % 13 === 0 ? 1 : 0));
    const m = refitIntercept(x, y, { intercept: 2, weights: [1.5, 0.5] }, 1e-9);
    expect(m.weights).toEqual([1.5, 0.5]);
    const mean = x.reduce((s, r) => s + predict(m, r), 0) / x.length;
    expect(mean).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 6);
  });

  it('stays finite on separable data, held by its prior', () => {
    const x = [[0], [0], [1], [1]];
    const m = refitIntercept(x, [0, 0, 1, 1], { intercept: -3, weights: [6] });
    expect(Number.isFinite(m.intercept)).toBe(true);
    expect(Math.abs(m.intercept + 3)).toBeLessThan(1);
  });
});
