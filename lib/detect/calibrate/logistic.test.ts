import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, solveSpd } from './logistic';

describe('regularised logistic regression', () => {
  it('solves a small SPD system', () => {
    const x = solveSpd(
      [
        [4, 1],
        [1, 3],
      ],
      [1, 2],
    );
    expect(x[0]).toBeCloseTo(1 / 11);
    expect(x[1]).toBeCloseTo(7 / 11);
  });

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
});
