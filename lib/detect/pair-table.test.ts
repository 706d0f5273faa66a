import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table';

describe('pair table', () => {
  it('sums weights per pair and credits each fact once per pair', () => {
    const t = new PairTable(4);
    expect(t.add(7, 0, 2)).toBe(2);
    expect(t.add(7, 1, 1.5)).toBe(3.5);
    expect(t.add(7, 0, 2)).toBe(-1); // fact 0 already credited to pair 7
    expect(t.add(9, 0, 2)).toBe(2); // another pair
    expect(t.size).toBe(2);
  });

  it('keeps pairs apart under heavy collisions and large keys', () => {
    const n = 5000;
    const t = new PairTable(n);
    const key = (i: number) => i * 4_999_999 + (i % 97); // a·N + b with N ≈ 5M, up to 2.5e10
    for (let i = 0; i < n; i++) expect(t.add(key(i), i % 32, i)).toBe(i);
    for (let i = 0; i < n; i++) expect(t.add(key(i), (i + 1) % 32, 1)).toBe(i + 1);
    expect(t.size).toBe(n);
  });
});
