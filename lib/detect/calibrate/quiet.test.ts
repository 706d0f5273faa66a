import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, refitIntercept } from './logistic';
import { seededRandom, withQuietCopies } from './quiet';

describe('quiet copies (robust fit against feature deletion)', () => {
  const samples = [
    { account_id: 'a1', x: [1, 1, 1, 1], y: 1 as const },
    { account_id: 'b1', x: [0, 0.2, 0, 0], y: 0 as const },
  ];

  it('adds weighted copies of attack samples only, each value kept or zeroed, reproducibly', () => {
    const set = withQuietCopies(samples, { weight: 3, copies: 10 });
    expect(set.x).toHaveLength(2 + 10);
    // the attack sample, its 10 copies, then the benign sample (no copies)
    expect([set.w[0], set.w[11]]).toEqual([1, 1]);
    expect(set.x[11]).toEqual([0, 0.2, 0, 0]);
    const copies = { x: set.x.slice(1, 11), y: set.y.slice(1, 11), w: set.w.slice(1, 11) };
    expect(copies.w.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 10);
    expect(copies.y.every((y) => y === 1)).toBe(true);
    for (const x of copies.x) expect(x.every((v) => v === 0 || v === 1)).toBe(true);
    // some copies lose some evidence, and the draw is the same on every run
    expect(copies.x.some((x) => x.includes(0))).toBe(true);
    expect(withQuietCopies(samples, { weight: 3, copies: 10 })).toEqual(set);
    expect(withQuietCopies(samples, { weight: 0 }).x).toHaveLength(2);
  });

  it('the PRNG is uniform enough to keep about half of the values', () => {
    const r = seededRandom('acct');
    let kept = 0;
    for (let i = 0; i < 10_000; i++) if (r() < 0.5) kept++;
    expect(kept).toBeGreaterThan(4_800);
    expect(kept).toBeLessThan(5_200);
  });

  it('makes a partial attack profile reach the threshold where the plain fit does not', () => {
    // Training attacks are loud: four signals at once. Benign accounts show one signal at half
    // strength now and then, and signal 0 also at full strength (a benign segment shares it).
    // A held-out quiet attacker shows two of the clean signals.
    const rows: { account_id: string; x: number[]; y: 0 | 1 }[] = [];
    for (let i = 0; i < 40; i++) rows.push({ account_id: `att${i}`, x: [1, 1, 1, 1], y: 1 });
    for (let i = 0; i < 2000; i++) {
      const v = [0, 0, 0, 0];
      if (i % 8 === 0) v[i % 4] = 0.5;
      if (i % 40 === 1) v[0] = 1;
      rows.push({ account_id: `ben${i}`, x: v, y: 0 });
    }
    const x = rows.map((r) => r.x);
    const y: number[] = rows.map((r) => r.y);
    const plain = fitLogistic(x, y, { l2: 1, prior: [1, 1, 1, 1] });
    const set = withQuietCopies(rows, { weight: 3 });
    // as calibrate/index.ts fits: copies for the weights, the real samples for the intercept
    const robust = refitIntercept(
      x,
      y,
      fitLogistic(set.x, set.y, { l2: 1, prior: [1, 1, 1, 1], sampleWeight: set.w }),
    );
    const quietAttacker = [0, 1, 1, 0];
    expect(predict(plain, quietAttacker)).toBeLessThan(0.6);
    expect(predict(robust, quietAttacker)).toBeGreaterThanOrEqual(0.6);
    // the signal benign accounts share gains no weight; the clean ones do
    expect(robust.weights[0]).toBeLessThan(robust.weights[1]);
    expect(robust.weights[1]).toBeGreaterThan(plain.weights[1]);
    // and no benign account comes near the threshold under either fit
    for (const r of rows.filter((r) => r.y === 0)) {
      expect(predict(plain, r.x)).toBeLessThan(0.05);
      expect(predict(robust, r.x)).toBeLessThan(0.05);
    }
  });
});
