import { describe, expect, it } from 'vitest';
import { VolumeRanges, beyond, evidenceBeyond } from './benign-range';
import { SIGNALS } from './signal-defs';

const def = (id: string) => SIGNALS.find((s) => s.id === id)!;

describe('evidence starts beyond the benign range', () => {
  it('a value inside the benign range contributes nothing', () => {
    // max_tokens at 32,000 when the benign p95 is 32,000; single-turn 1.00 when p95 is 1.00
    expect(
      evidenceBeyond(def('max_tokens_cap'), 32_000, { p5: 1024, p50: 8192, p95: 32_000 }),
    ).toBe(0);
    expect(evidenceBeyond(def('single_turn'), 1, { p5: 0.2, p50: 0.6, p95: 1 })).toBe(0);
    expect(evidenceBeyond(def('timing_cv'), 0.9, { p5: 0.8, p50: 1.5, p95: 3 })).toBe(0);
  });
  it('grows with the distance beyond the range, in band-widths', () => {
    const r = { p5: 0, p50: 0.02, p95: 0.05 };
    // fine-bucket coverage at five times the benign p95 now counts
    const e5 = evidenceBeyond(def('coverage_lsh'), 0.25, r);
    const e3 = evidenceBeyond(def('coverage_lsh'), 0.15, r);
    expect(e5).toBeGreaterThan(e3);
    expect(e3).toBeGreaterThan(0);
    expect(beyond(def('coverage_lsh'), 0.15, r)).toBeCloseTo(1);
    expect(evidenceBeyond(def('coverage_lsh'), 0.9, r)).toBe(1);
  });
  it('inverted signals count below p5', () => {
    const r = { p5: 0.8, p50: 1.5, p95: 3 };
    expect(evidenceBeyond(def('timing_cv'), 0.1, r)).toBeGreaterThan(0.5);
  });
});

describe('benign ranges conditioned on volume', () => {
  it('judges coverage against accounts of similar volume', () => {
    // coverage grows with volume: v = log10(events) / 10
    const ref = Array.from({ length: 2000 }, (_, i) => {
      const events = 10 + i * 10;
      return { events, values: { coverage_tax: Math.log10(events) / 10 + (i % 10) / 1000 } };
    });
    const vr = new VolumeRanges(ref, ['coverage_tax'], 200);
    const small = vr.at(50).coverage_tax;
    const large = vr.at(19_000).coverage_tax;
    expect(small.p95).toBeLessThan(large.p50);
    // the same coverage is unusual at low volume and ordinary at high volume
    expect(evidenceBeyond(def('coverage_tax'), large.p50, small)).toBeGreaterThan(0);
    expect(evidenceBeyond(def('coverage_tax'), large.p50, large)).toBe(0);
  });
});
