import { describe, expect, it } from 'vitest';
import { cumulative } from './coverage-read';
import { volumeBin } from './baseline';

describe('coverage curve', () => {
  it('accumulates per kind on normalised time', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const pts = cumulative(
      [
        { kind: 0, t: t(0) },
        { kind: 1, t: t(5) },
        { kind: 0, t: t(10) },
      ],
      t(0).getTime(),
      t(10).getTime(),
    );
    expect(pts).toHaveLength(3);
    expect(pts[2].tNorm).toBe(1);
    expect(pts[1].tNorm).toBe(0.5);
    expect(pts[2].C_tax).toBeCloseTo(2 / 57);
    expect(pts[2].C_lsh).toBeCloseTo(1 / 4096);
  });
  it('downsamples to ≤ 500 points keeping the final value', () => {
    const visits = Array.from({ length: 3000 }, (_, i) => ({ kind: 1, t: new Date(i * 1000) }));
    const pts = cumulative(visits, 0, 2_999_000);
    expect(pts.length).toBe(500);
    expect(pts[499].C_lsh).toBeCloseTo(3000 / 4096);
  });
  it('volume bins', () => {
    expect([5, 100, 999, 1000, 50_000].map(volumeBin)).toEqual([0, 1, 1, 2, 3]);
  });
});
