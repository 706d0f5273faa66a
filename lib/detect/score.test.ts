import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from './settings';
import { scoreSignals } from './score';
import { evidenceOf, SIGNALS } from './signal-defs';

const def = (id: string) => SIGNALS.find((s) => s.id === id)!;

describe('risk scoring', () => {
  it('evidence ramps and inverts', () => {
    expect(evidenceOf(def('coverage_tax'), 0.1)).toBe(0);
    expect(evidenceOf(def('coverage_tax'), 0.9)).toBe(1);
    expect(evidenceOf(def('timing_cv'), 0.2)).toBe(1);
    expect(evidenceOf(def('timing_cv'), 2)).toBe(0);
    expect(evidenceOf(def('timing_cv'), null)).toBe(0);
  });
  it('one strong signal stays low, several cross the threshold', () => {
    const one = scoreSignals({ coverage_tax: 0.95 }, DEFAULT_SETTINGS);
    expect(one.risk).toBeLessThan(DEFAULT_SETTINGS.accountThreshold);
    const many = scoreSignals(
      {
        coverage_tax: 0.95,
        sweep: 0.9,
        reasoning_share: 0.9,
        finish_length: 0.8,
        timing_cv: 0.2,
        hour_entropy: 0.99,
      },
      DEFAULT_SETTINGS,
    );
    expect(many.risk).toBeGreaterThan(DEFAULT_SETTINGS.accountThreshold);
    expect(many.reasons[0]).toMatch(/Taxonomy coverage|Sweep|Reasoning/);
    expect(many.contributions.sweep.contribution).toBeCloseTo(DEFAULT_SETTINGS.weights.sweep);
  });
  it('output/input counts as harvesting only when the answers themselves are long', () => {
    // an eval harness: short benchmark prompts, short graded answers → a high ratio from short inputs
    const ranges = {
      out_in_ratio: { p5: 0.3, p50: 1, p95: 3 },
      out_per_request: { p5: 100, p50: 500, p95: 1200 },
    };
    const harness = scoreSignals(
      { out_in_ratio: 9, out_per_request: 180 },
      DEFAULT_SETTINGS,
      ranges,
    );
    expect(harness.contributions.out_in_ratio.evidence).toBe(0);
    expect(harness.contributions.out_in_ratio.gatedBy).toBe('out_per_request');
    const harvester = scoreSignals(
      { out_in_ratio: 9, out_per_request: 1300 },
      DEFAULT_SETTINGS,
      ranges,
    );
    expect(harvester.contributions.out_in_ratio.evidence).toBe(1);
    expect(harvester.contributions.out_in_ratio.gatedBy).toBeUndefined();
    // no range for the gate's signal (too few similar accounts): the gate stays open
    const thin = scoreSignals({ out_in_ratio: 9, out_per_request: 180 }, DEFAULT_SETTINGS, {
      out_in_ratio: ranges.out_in_ratio,
    });
    expect(thin.contributions.out_in_ratio.evidence).toBe(1);
  });
  it('stored partial settings merge over defaults; bad ones fall back', () => {
    const m = mergeSettings({ accountThreshold: 0.9, weights: { sweep: 2 } });
    expect(m.accountThreshold).toBe(0.9);
    expect(m.weights.sweep).toBe(2);
    expect(m.weights.coverage_tax).toBe(DEFAULT_SETTINGS.weights.coverage_tax);
    expect(mergeSettings({ bias: 'x' })).toEqual(DEFAULT_SETTINGS);
  });
});
