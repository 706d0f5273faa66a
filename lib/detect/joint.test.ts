import { describe, expect, it } from 'vitest';
import { jointEvidence, jointScore, robustZ } from './joint';
import { SIGNALS } from './signal-defs';

const r = (p50: number, p95: number) => ({ p5: p50 - (p95 - p50), p50, p95 });
const ranges = {
  coverage_tax: r(0.1, 0.3),
  coverage_lsh: r(0.02, 0.06),
  hours_active: r(0.1, 0.3),
  out_in_ratio: r(1, 3),
  reasoning_share: r(0.02, 0.1),
};

describe('joint outlier score', () => {
  it('is 0 for a value at the median and one-sided', () => {
    const d = SIGNALS.find((s) => s.id === 'coverage_tax')!;
    expect(robustZ(d, 0.1, ranges.coverage_tax)).toBe(0);
    expect(robustZ(d, 0.0, ranges.coverage_tax)).toBe(0);
  });
  it('several moderately unusual, independent signals add up; correlated ones count once', () => {
    // each value just above its p95: no single signal is far out
    const several = jointScore(
      { coverage_tax: 0.32, hours_active: 0.32, out_in_ratio: 3.2 },
      ranges,
    );
    const one = jointScore({ coverage_tax: 0.32, coverage_lsh: 0.065 }, ranges);
    expect(several.parts.map((p) => p.group).sort()).toEqual(['coverage', 'harvesting', 'timing']);
    expect(one.parts).toHaveLength(1);
    expect(several.score).toBeGreaterThan(2 * one.score);
  });
  it('its evidence is 0 inside its own benign range', () => {
    expect(jointEvidence(1.5, { p5: 0, p50: 0.2, p95: 2 })).toBe(0);
    expect(jointEvidence(6, { p5: 0, p50: 0.2, p95: 2 })).toBeGreaterThan(0.9);
  });
});
