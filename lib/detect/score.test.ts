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
  it('stored partial settings merge over defaults; bad ones fall back', () => {
    const m = mergeSettings({ accountThreshold: 0.9, weights: { sweep: 2 } });
    expect(m.accountThreshold).toBe(0.9);
    expect(m.weights.sweep).toBe(2);
    expect(m.weights.coverage_tax).toBe(DEFAULT_SETTINGS.weights.coverage_tax);
    expect(mergeSettings({ bias: 'x' })).toEqual(DEFAULT_SETTINGS);
  });
});
