import { describe, expect, it } from 'vitest';
import { evaluate, formatTable, type Truth } from './metrics';

const truth: Truth[] = [
  ...Array.from({ length: 100 }, (_, i) => ({
    account_id: `b${i}`,
    label: 'benign' as const,
    family: 'chat',
    campaign_id: null,
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    account_id: `h${i}`,
    label: 'attack' as const,
    family: 'hydra',
    campaign_id: 'h',
  })),
  { account_id: 's1', label: 'attack', family: 'sweep', campaign_id: 's1' },
  { account_id: 's2', label: 'attack', family: 'sweep', campaign_id: 's2' },
];

describe('eval metrics', () => {
  it('computes recall, FPR, campaign recall and linking', () => {
    const scored = [
      { account_id: 'b0', flagged: true, cluster_id: null },
      ...Array.from({ length: 10 }, (_, i) => ({
        account_id: `h${i}`,
        flagged: i < 5,
        cluster_id: i < 9 ? 'c1' : null,
      })),
      { account_id: 's1', flagged: true, cluster_id: null },
    ];
    const { families, overall } = evaluate(truth, scored);
    const hydra = families.find((f) => f.family === 'hydra')!;
    expect(hydra.recall).toBeCloseTo(0.5);
    expect(hydra.linked).toBeCloseTo(0.9);
    expect(hydra.campaignRecall).toBe(1);
    expect(hydra.precision).toBeCloseTo(5 / 6);
    const sweep = families.find((f) => f.family === 'sweep')!;
    expect(sweep.campaignRecall).toBe(0.5);
    expect(families.find((f) => f.family === 'chat')!.fpr).toBeCloseTo(0.01);
    expect(overall.fpr).toBeCloseTo(0.01);
    expect(overall.precision).toBeCloseTo(6 / 7);
    expect(formatTable([...families, overall])).toContain('| hydra');
  });
  it('measures purity of the campaign cluster and benign accounts flagged via the cluster only', () => {
    const scored = [
      ...Array.from({ length: 10 }, (_, i) => ({
        account_id: `h${i}`,
        flagged: true,
        cluster_id: 'c1',
      })),
      // two benign accounts linked into the hydra's cluster, one flagged through it
      { account_id: 'b1', flagged: false, cluster_id: 'c1' },
      { account_id: 'b2', flagged: true, cluster_id: 'c1', via_cluster: true },
    ];
    const { families, overall } = evaluate(truth, scored);
    expect(families.find((f) => f.family === 'hydra')!.purity).toBeCloseTo(10 / 12);
    expect(families.find((f) => f.family === 'chat')!.membershipOnly).toBe(1);
    expect(overall.membershipOnly).toBe(1);
  });
});
