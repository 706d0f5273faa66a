import { describe, expect, it } from 'vitest';
import {
  accountItems,
  clusterBaseline,
  clusterItems,
  explain,
  logistic,
  sumAtThreshold,
} from './explain';
import { humanize } from './explain-meta';

const stored = {
  out_in_ratio: {
    value: 14.2,
    evidence: 1,
    weight: 5.266,
    contribution: 5.266,
    benign: { p5: 0.6, p50: 1.2, p95: 3.1 },
    beyond: 3.4,
  },
  reasoning_share: { value: 0.5, evidence: 0.25, weight: 4, contribution: 1 },
  constant_temperature: {
    value: 1.5e-8,
    evidence: 0,
    weight: 0,
    contribution: 0,
    benign: { p5: 0, p50: 1.05e-8, p95: 0.16 },
  },
  sweep: { value: null, evidence: 0, weight: 0.575, contribution: 0 },
  joint: { value: 6.1, evidence: 0.4, weight: 0.733, contribution: 0.2932, explanation: 'x +5 sd' },
  cluster: { value: 0.99, evidence: 1, weight: 0, contribution: 0 },
  tie: { value: 17.5, evidence: 6, weight: 0, contribution: 0 },
};

describe('accountItems', () => {
  it('labels, formats and orders the signals, leaving out the cluster and tie entries', () => {
    const items = accountItems(stored);
    expect(items.map((i) => i.signal)).toEqual([
      'out_in_ratio',
      'reasoning_share',
      'joint',
      'constant_temperature',
      'sweep',
    ]);
    expect(items[0]).toMatchObject({
      label: 'Output / input tokens',
      value: '14.2×',
      baseline: 'benign p50 1.20× · p95 3.10× at this volume',
      note: '3.40 band-widths beyond the benign range',
    });
    expect(items[1].value).toBe('50%');
    expect(items[3].value).toBe('< 0.001 sd');
    expect(items[3].baseline).toBe('benign p50 < 0.001 sd · p5 0 sd at this volume');
    expect(items[4].value).toBe('not measured (too little data)');
    for (const i of items) expect(`${i.value} ${i.baseline}`).not.toMatch(/e-\d/);
  });
});

describe('explain', () => {
  it('sums the contributions and applies the logistic of the run settings', () => {
    const x = explain(
      'account',
      accountItems(stored),
      { slope: 1, bias: 4.363, threshold: 0.6 },
      0.9,
    );
    expect(x.sum).toBeCloseTo(5.266 + 1 + 0.2932, 6);
    expect(x.modelRisk).toBeCloseTo(logistic(x.sum - 4.363), 9);
    expect(x.sumAtThreshold).toBeCloseTo(4.363 + Math.log(0.6 / 0.4), 9);
    expect(logistic(x.sumAtThreshold - 4.363)).toBeCloseTo(0.6, 9);
  });

  it('finds the sum at a threshold for any slope', () => {
    expect(sumAtThreshold({ slope: 2.2, bias: 2.5, threshold: 0.5 })).toBeCloseTo(2.5, 9);
    const s = sumAtThreshold({ slope: 2.2, bias: 2.5, threshold: 0.6 });
    expect(logistic(2.2 * (s - 2.5))).toBeCloseTo(0.6, 9);
  });
});

describe('cluster items', () => {
  const a = {
    size: { value: 150, evidence: 1, weight: 0.6, contribution: 0.6 },
    harvest_ratio: { value: 204.4, evidence: 1, weight: 0.8, contribution: 0.8 },
    member_evidence: { value: 1.97, evidence: 0.98, weight: 1.2, contribution: 1.176 },
    pooled_band: { value: 1.1, evidence: 0.4, weight: 1.2, contribution: 0.48 },
    new_thing: { value: 0.5, evidence: 0, weight: 1, contribution: 0 },
  };
  const unflagged = [
    { size: { value: 4 }, harvest_ratio: { value: 1 } },
    { size: { value: 6 }, harvest_ratio: { value: 3 } },
    { size: { value: 8 }, harvest_ratio: { value: 2 } },
  ];

  it('computes the benign cluster baseline over unflagged clusters', () => {
    expect(clusterBaseline(unflagged)).toEqual({
      size: { p50: 6, p95: 7.8, n: 3 },
      harvest_ratio: { p50: 2, p95: 2.9, n: 3 },
    });
  });

  it('shows human labels, meanings and baselines instead of raw keys', () => {
    const items = clusterItems(a, clusterBaseline(unflagged));
    const text = items.map((i) => `${i.label} ${i.value} ${i.baseline}`).join('\n');
    expect(text).not.toMatch(/member_evidence|harvest_ratio|partition\b|new_thing/);
    expect(items.find((i) => i.signal === 'size')).toMatchObject({
      label: 'Linked accounts',
      value: '150 accounts',
      baseline: 'unflagged clusters p50 6 accounts · p95 8 accounts (3 clusters)',
    });
    expect(items.find((i) => i.signal === 'harvest_ratio')?.value).toBe('204×');
    expect(items.find((i) => i.signal === 'member_evidence')?.meaning).not.toBe('');
    expect(items.find((i) => i.signal === 'pooled_band')).toMatchObject({
      label: 'Pooled client beyond the benign range',
      meaning: expect.stringMatching(/benign range of accounts of the pooled volume/),
      contribution: 0.48,
    });
    expect(items.find((i) => i.signal === 'new_thing')).toMatchObject({
      label: 'New thing',
      baseline: 'no unflagged cluster to compare with',
    });
    expect(humanize('member_evidence')).toBe('Member evidence');
  });
});
