import { describe, expect, it } from 'vitest';
import { burstShare, expectedUnion, partitionOf, pooledPartition } from './cluster-features';
import { scoreCluster } from './cluster-score';
import { DEFAULT_SETTINGS } from './settings';

describe('cluster features', () => {
  it('a split sweep is more disjoint than independent members', () => {
    const split = Array.from(
      { length: 10 },
      (_, m) => new Set(Array.from({ length: 300 }, (_, i) => m * 300 + i)),
    );
    const p = partitionOf(split, 4096);
    expect(p.ratio).toBe(1);
    expect(p.excess).toBeCloseTo(1);
    const same = Array.from(
      { length: 10 },
      () => new Set(Array.from({ length: 300 }, (_, i) => i)),
    );
    expect(partitionOf(same, 4096).excess).toBe(0);
    expect(expectedUnion([2048, 2048], 4096)).toBeCloseTo(3072);
  });
  it('pooled partition: disjoint slices vs members drawing from the same mix', () => {
    const slices = new Map(
      Array.from({ length: 20 }, (_, m) => [`h${m}`, new Map([[m + 2, 100]])]),
    );
    expect(pooledPartition(slices)).toBeGreaterThan(0.9);
    const mixed = new Map(
      Array.from({ length: 20 }, (_, m) => [
        `b${m}`,
        new Map(Array.from({ length: 20 }, (_, b) => [b + 2, 5])),
      ]),
    );
    expect(pooledPartition(mixed)).toBeLessThan(0.05);
  });
  it('signup burst share', () => {
    expect(burstShare([0, 1000, 2000, 10 * 86_400_000])).toBeCloseTo(0.75);
  });
  it('a coordinated cluster scores above an ordinary one', () => {
    const base = {
      members: 4,
      events: 400,
      partition_ratio: 0.5,
      partition_excess: 0,
      union_coverage_tax: 0.2,
      union_coverage_lsh: 0.05,
      union_tax_share: 0.2,
      exploration: 0.3,
      correlated_volume: 0.1,
      distinct_orgs: 0.25,
      signup_burst: 0.25,
      cluster_sweep: 0,
    };
    const low = scoreCluster(base, 0.3, DEFAULT_SETTINGS);
    const high = scoreCluster(
      {
        ...base,
        members: 200,
        partition_excess: 0.95,
        correlated_volume: 0.8,
        signup_burst: 0.9,
        union_coverage_tax: 0.9,
      },
      1.5,
      DEFAULT_SETTINGS,
    );
    expect(low.risk).toBeLessThan(DEFAULT_SETTINGS.clusterThreshold);
    expect(high.risk).toBeGreaterThan(DEFAULT_SETTINGS.clusterThreshold);
    expect(high.reasons.length).toBeGreaterThan(0);
  });
});
