import { describe, expect, it } from 'vitest';
import {
  cusumMax,
  normalisedEntropy,
  pearson,
  quantileSorted,
  robustCentre,
  sortedCopy,
} from './stats';

describe('detect stats', () => {
  it('quantiles interpolate', () => {
    const s = sortedCopy([4, 1, 3, 2, 5]);
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.25)).toBe(2);
    expect(quantileSorted(new Float64Array(), 0.5)).toBeNaN();
  });
  it('robust centre ignores an outlier', () => {
    const { med, mad } = robustCentre([10, 11, 9, 10, 1000]);
    expect(med).toBe(10);
    expect(mad).toBeCloseTo(1.4826, 3);
  });
  it('entropy is 1 for uniform, 0 for a spike', () => {
    expect(normalisedEntropy([1, 1, 1, 1])).toBeCloseTo(1);
    expect(normalisedEntropy([0, 9, 0, 0])).toBe(0);
  });
  it('cusum rises on a sustained shift only', () => {
    expect(cusumMax([10, 10, 10, 10], 10, 1)).toBe(0);
    expect(cusumMax([10, 10, 20, 20, 20], 10, 2)).toBeCloseTo(13.5);
  });
  it('pearson', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(pearson([1, 1, 1], [3, 2, 1])).toBe(0);
  });
});
