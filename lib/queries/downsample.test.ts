import { describe, expect, it } from 'vitest';
import { dayRange, downsample } from './downsample';

describe('downsample', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    key: `d${i}`,
    n: 1,
    cum: i + 1,
    peak: i % 3,
  }));

  it('returns short series untouched', () => {
    expect(downsample(rows, { n: 'sum' }, 10)).toBe(rows);
  });

  it('folds into at most max groups with per-field folds', () => {
    const r = downsample(rows, { n: 'sum', cum: 'last', peak: 'max' }, 4);
    expect(r.length).toBeLessThanOrEqual(4);
    expect(r[0]).toEqual({ key: 'd0', n: 3, cum: 3, peak: 2 });
    expect(r.reduce((a, b) => a + b.n, 0)).toBe(10);
    expect(r[r.length - 1].cum).toBe(10);
  });
});

describe('dayRange', () => {
  it('lists every day inclusive, across a month end', () => {
    expect(dayRange('2026-10-30', '2026-11-02')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });
  it('is empty when the range is inverted', () => {
    expect(dayRange('2026-11-02', '2026-11-01')).toEqual([]);
  });
});
