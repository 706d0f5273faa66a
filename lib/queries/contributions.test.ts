import { describe, expect, it } from 'vitest';
import { enrichContributions, parseContributions } from './contributions';

describe('parseContributions', () => {
  it('reads a map of numbers, largest first', () => {
    const r = parseContributions({ volume: 0.1, coverage: 0.4, timing: 0 });
    expect(r.map((c) => c.signal)).toEqual(['coverage', 'volume', 'timing']);
    expect(r[0]).toEqual({
      signal: 'coverage',
      contribution: 0.4,
      value: null,
      baseline: null,
      explanation: null,
    });
  });

  it('reads an array of objects with alternative key names', () => {
    const r = parseContributions([
      {
        name: 'template_reuse',
        weight: 0.2,
        value: 0.93,
        why: 'one template covers 93% of prompts',
      },
      { signal: 'reasoning', contribution: 0.3, baseline: { p50: 0.02, p95: 0.1 } },
      { nothing: true },
    ]);
    expect(r).toHaveLength(2);
    expect(r[0]).toMatchObject({ signal: 'reasoning', baseline: 'p50 0.02 · p95 0.10' });
    expect(r[1]).toMatchObject({
      signal: 'template_reuse',
      value: 0.93,
      explanation: 'one template covers 93% of prompts',
    });
  });

  it('fills values and explanations from the signals JSON', () => {
    const r = parseContributions(
      { volume: 0.2, coverage: { contribution: 0.1 } },
      { volume: 4.2, coverage: { value: 0.61, explanation: 'wide sweep' } },
    );
    expect(r.find((c) => c.signal === 'volume')?.value).toBe(4.2);
    expect(r.find((c) => c.signal === 'coverage')).toMatchObject({
      value: 0.61,
      explanation: 'wide sweep',
    });
  });

  it('writes baselines without exponent notation (a temperature sd of 1.5e-8)', () => {
    const r = parseContributions({
      constant_temperature: { contribution: 0, value: 0, benign: { p50: 1.5e-8, p95: 0.16 } },
    });
    expect(r[0].baseline).toBe('p50 < 0.001 · p95 0.16');
  });

  it('returns nothing for junk', () => {
    expect(parseContributions(null)).toEqual([]);
    expect(parseContributions('x')).toEqual([]);
  });
});

describe('enrichContributions', () => {
  it('adds label, explanation and baseline without overriding what detection wrote', () => {
    const items = parseContributions({
      volume_z: { contribution: 0.3, value: 7 },
      top_template: { contribution: 0.1, explanation: 'own' },
    });
    const r = enrichContributions(
      items,
      [
        { id: 'volume_z', label: 'Volume (robust z)', explain: 'far above the cohort' },
        { id: 'top_template', label: 'Top-template share', explain: 'catalogue text' },
      ],
      [{ signal: 'volume_z', p50: 0.2, p95: 2.5 }],
    );
    expect(r[0]).toMatchObject({
      label: 'Volume (robust z)',
      explanation: 'far above the cohort',
      baseline: 'p50 0.20 · p95 2.50',
    });
    expect(r[1]).toMatchObject({ label: 'Top-template share', explanation: 'own', baseline: null });
  });
});
