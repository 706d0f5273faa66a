import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatNumber,
  formatScore,
  formatShare,
  formatSignalValue,
} from './format-value';

describe('formatNumber', () => {
  it('never writes exponent notation', () => {
    expect(formatNumber(1.5e-8)).toBe('< 0.001');
    expect(formatNumber(-2e-9)).toBe('> −0.001');
    for (let e = -12; e <= 9; e++)
      for (const m of [1, 1.5, 9.99]) expect(formatNumber(m * 10 ** e)).not.toMatch(/e[-+]?\d/);
  });

  it('uses as many decimals as the magnitude needs', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.0123)).toBe('0.012');
    expect(formatNumber(0.05)).toBe('0.05');
    expect(formatNumber(0.934)).toBe('0.93');
    expect(formatNumber(4.363)).toBe('4.36');
    expect(formatNumber(42.25)).toBe('42.3');
    expect(formatNumber(14000)).toBe('14,000');
  });

  it('writes a dash for missing values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatShare(undefined)).toBe('—');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatShare, formatCount, formatScore', () => {
  it('formats shares as percentages', () => {
    expect(formatShare(0.934)).toBe('93%');
    expect(formatShare(0.042)).toBe('4.2%');
    expect(formatShare(0.0000004)).toBe('< 0.1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('formats counts as whole numbers and scores with two decimals', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatScore(0.126)).toBe('0.13');
    expect(formatScore(5)).toBe('5.00');
  });
});

describe('formatSignalValue', () => {
  it('formats by unit', () => {
    expect(formatSignalValue(0.8, 'share')).toBe('80%');
    expect(formatSignalValue(13999.6, 'tokens')).toBe('14,000 tokens');
    expect(formatSignalValue(1.5e-8, 'sd')).toBe('< 0.001 sd');
    expect(formatSignalValue(12.34, 'times')).toBe('12.3×');
    expect(formatSignalValue(150, 'accounts')).toBe('150 accounts');
    expect(formatSignalValue(0.71, '0..1')).toBe('0.71');
    expect(formatSignalValue(null, 'share')).toBe('—');
  });
});
