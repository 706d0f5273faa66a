import { describe, expect, it } from 'vitest';
import { VolumeRanges } from './benign-range';
import { pooledBand, pooledEvidence, pooledValues, type PooledBand } from './cluster-band';
import { scoreCluster } from './cluster-score';
import { DEFAULT_SETTINGS } from './settings';
import type { DailyAgg } from './load-daily';

// A member's rollup: `events` requests, `inPer` input and `outPer` output tokens each.
const member = (events: number, inPer: number, outPer: number): DailyAgg => ({
  events,
  days: 1,
  firstTs: 0,
  lastTs: 3_600_000,
  inTok: events * inPer,
  outTok: events * outPer,
  finishLength: 0,
  reasoning: 0,
  thinking: 0,
  singleTurn: 0,
  toolUse: 0,
  maxTokSum: 0,
  maxTokN: 0,
  tempN: 0,
  tempSum: 0,
  tempSum2: 0,
  gapN: 0,
  gapSum: 0,
  gapSum2: 0,
  daily: [events],
  dayIdx: [0],
  how: [],
  activeHours: 1,
});

// Benign reference: 400 accounts of 20..419 events, out/in 1.5..2.5, 400..700 output tokens.
const ref = Array.from({ length: 400 }, (_, i) => ({
  events: 20 + i,
  values: {
    out_in_ratio: 1.5 + (i % 11) / 10,
    out_per_request: 400 + (i % 7) * 50,
    coverage_tax: 0.1 + (i % 5) / 50,
    coverage_lsh: 0.01,
  },
}));
const ranges = new VolumeRanges(
  ref,
  ['out_in_ratio', 'out_per_request', 'coverage_tax', 'coverage_lsh'],
  100,
);
const cov = (events: number, tax: number) => ({ events, tax, lsh: 0.01 });

describe('pooledBand: the cluster as one client against the band at its pooled volume', () => {
  it('gives nothing inside the benign range, however the members are split', () => {
    const ms = [member(12, 300, 600), member(14, 300, 600), member(10, 250, 500)];
    const members = ms.map((m) => cov(m.events, 0.12));
    const b = pooledBand(pooledValues(ms), { events: 36, tax: 0.12, lsh: 0.01 }, members, ranges);
    expect(b.harvest).toBe(0);
    expect(b.union_tax).toBe(0);
  });
  it('counts how far beyond the range the pooled client is, members each below the floor', () => {
    // five members of 14 events: none can be judged alone (20-event floor); pooled: 70 events
    const ms = Array.from({ length: 5 }, () => member(14, 100, 700));
    const v = pooledValues(ms);
    expect(v.out_in_ratio).toBeCloseTo(7);
    const members = ms.map((m) => cov(m.events, 0.3));
    const b = pooledBand(v, { events: 70, tax: 0.35, lsh: 0.02 }, members, ranges);
    // p95 2.5, band-width floored at a quarter of the nominal ramp (3..15): (7 − 2.5) / 3
    expect(b.beyond.out_in_ratio).toBeCloseTo(1.5);
    expect(b.harvest).toBeCloseTo(0.5 * 0.75); // weight 0.5, evidence full at two band-widths
    expect(b.member_tax).toBeGreaterThan(0);
    // the nominal ramp of member_evidence (out/in 3..15) sees the same pool as weak
    expect(pooledEvidence(v)).toBeLessThan(b.harvest);
  });
  it('takes out/in only when the answers are long (its gate)', () => {
    const ms = Array.from({ length: 5 }, () => member(14, 20, 140)); // out/in 7, 140 tokens
    const members = ms.map((m) => cov(m.events, 0.1));
    const b = pooledBand(pooledValues(ms), { events: 70, tax: 0.1, lsh: 0.01 }, members, ranges);
    expect(b.beyond.out_in_ratio).toBeUndefined();
    expect(b.harvest).toBe(0);
  });
  it('is zero without a benign range', () => {
    const ms = [member(30, 100, 700)];
    expect(
      pooledBand(pooledValues(ms), { events: 30, tax: 1, lsh: 1 }, [cov(30, 1)], undefined).harvest,
    ).toBe(0);
  });
});

describe('the pooled band in the cluster score', () => {
  // a small cluster of separate identities, as the low-and-slow family's first clusters
  const f = {
    members: 4,
    events: 60,
    partition_ratio: 0.9,
    partition_excess: 0.3,
    union_coverage_tax: 0.3,
    union_coverage_lsh: 0.01,
    union_tax_share: 0.3,
    exploration: 0.9,
    correlated_volume: 0,
    distinct_orgs: 1,
    signup_burst: 0,
    cluster_sweep: 0,
  };
  const band = (harvest: number): PooledBand => ({
    harvest,
    union_tax: 0,
    union_lsh: 0,
    member_tax: 0,
    member_lsh: 0,
    beyond: {},
  });
  it('adds nothing while the pooled client is inside the benign range', () => {
    const inside = scoreCluster({ ...f, pooled_band: band(0.4) }, 0, DEFAULT_SETTINGS, 7);
    const none = scoreCluster(f, 0, DEFAULT_SETTINGS, 7);
    expect(inside.contributions.pooled_band.contribution).toBe(0);
    expect(inside.risk).toBe(none.risk);
  });
  it('grows with the distance beyond it (0.5 → none, 2 → full)', () => {
    const c = scoreCluster({ ...f, pooled_band: band(1.25) }, 0, DEFAULT_SETTINGS, 7);
    expect(c.contributions.pooled_band.evidence).toBeCloseTo(0.5);
    expect(c.contributions.pooled_band.contribution).toBeCloseTo(
      0.5 * DEFAULT_SETTINGS.clusterWeights.pooled_band,
    );
    expect(c.risk).toBeGreaterThan(scoreCluster(f, 0, DEFAULT_SETTINGS, 7).risk);
  });
});
