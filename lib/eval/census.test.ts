import { describe, expect, it } from 'vitest';
import type { ClusterRow } from '@/lib/detect/write-results';
import { censusOf, formatCensus, summariseCensus } from './census';
import { cutsOf } from './early-days';
import type { Truth } from './metrics';

const truth = new Map<string, Truth>(
  [
    ['b1', 'benign', 'chat'],
    ['b2', 'benign', 'chat'],
    ['b3', 'benign', 'cowork'],
    ['a1', 'attack', 'hydra'],
    ['a2', 'attack', 'hydra'],
  ].map(([id, label, family]) => [
    id,
    { account_id: id, label: label as Truth['label'], family, campaign_id: null },
  ]),
);

const cluster = (
  id: string,
  members: string[],
  risk: number,
  state: ('flagged' | 'review' | 'linked')[],
  ownRisk: number[],
): ClusterRow => ({
  id,
  risk,
  flagged: risk >= 0.6,
  members: members.length,
  events: 100,
  reasons: [],
  contributions: {
    size: { value: members.length, evidence: 0.1, weight: 0.6, contribution: 0.06 },
  },
  features: { pooled_band: { harvest: 0.4, beyond: { out_in_ratio: 1.5 } } },
  indicators: [],
  member_ids: members,
  member_ties: members.map(() => ({ strength: 1, kinds: 1 })),
  member_state: members.map((_, i) => ({ own_risk: ownRisk[i], state: state[i] })),
});

describe('benign cluster census', () => {
  const rows = [
    ...censusOf(
      '2026-09-20',
      [
        cluster('k1', ['b1', 'b2'], 0.3, ['linked', 'linked'], [0.1, 0.1]),
        cluster('k2', ['a1', 'a2', 'b3'], 0.9, ['flagged', 'flagged', 'flagged'], [0.9, 0.2, 0.1]),
      ],
      truth,
      0.6,
    ),
    ...censusOf(
      '2026-09-25',
      [cluster('k1', ['b1', 'b2'], 0.7, ['flagged', 'review'], [0.65, 0.1])],
      truth,
      0.6,
    ),
  ];
  it('records truth, risk, evidence and the pooled band of each cluster', () => {
    expect(rows[0]).toMatchObject({ benign: 2, attack: 0, families: { chat: 2 }, risk: 0.3 });
    expect(rows[0].evidence.size).toEqual([2, 0.1]);
    expect(rows[0].pooled).toEqual({ harvest: 0.4, 'beyond.out_in_ratio': 1.5 });
    // a benign member flagged with own risk below the threshold sat in the cluster's flag only
    expect(rows[1].benignViaCluster).toEqual(['b3']);
    expect(rows[1].benignInFlagged).toEqual(['b3']);
    // flagged on its own evidence (0.65 ≥ 0.6): not via the cluster
    expect(rows[2].benignViaCluster).toEqual([]);
    expect(rows[2].benignInFlagged).toEqual(['b1', 'b2']);
  });
  it('summarises benign clusters over the prefixes', () => {
    const s = summariseCensus(rows);
    expect(s).toMatchObject({
      prefixes: 2,
      benignClusters: 2,
      maxBenignRisk: 0.7,
      benignFlagged: 1,
      benignInFlagged: 3,
      benignViaCluster: 1,
    });
    expect(s.maxBenignAt?.cutoff).toBe('2026-09-25');
    expect(formatCensus(s)).toContain(
      'max risk 0.700 (2 members, chat, before 2026-09-25), 1 flagged',
    );
  });
  it('an empty census says so', () => {
    expect(summariseCensus([])).toMatchObject({
      prefixes: 0,
      maxBenignRisk: 0,
      benignInFlagged: 0,
    });
  });
});

describe('cutsOf', () => {
  it('gives the day after a campaign first reaches each share of its events', () => {
    const perDay = new Map([
      ['2026-09-03', 50],
      ['2026-09-01', 1],
      ['2026-09-02', 9],
      ['2026-09-04', 40],
    ]);
    // 2 %: 1 + 9 = 10 ≥ 2 by 09-02 → cut-off 09-03; 5 % the same; 10 %: 10 ≥ 10 → 09-03
    expect(cutsOf(perDay, [0.02, 0.05, 0.1])).toEqual(['2026-09-03']);
    expect(cutsOf(perDay, [0.01, 0.5])).toEqual(['2026-09-02', '2026-09-04']);
  });
});
