import { describe, expect, it } from 'vitest';
import { groupWeight, linkAccounts, memberTies } from './link';
import { signupBurstGroups } from './load-indicators';

const ids = Array.from({ length: 1000 }, (_, i) => `a${i}`);
const hydra = ids.slice(0, 40);

describe('rarity-weighted linking', () => {
  it('common indicators weigh nothing, rare ones a lot', () => {
    expect(groupWeight('asn', 900, 1000, 800)).toBe(0);
    expect(groupWeight('payment', 2, 1000, 800)).toBeGreaterThan(6);
    expect(groupWeight('asn', 500, 1000, 800)).toBeLessThan(0.3);
  });
  it('links a hydra sharing rare infrastructure, not accounts sharing a cloud ASN', () => {
    const groups = [
      { kind: 'asn', value: '16509', accounts: ids.slice(0, 700) },
      { kind: 'email_domain', value: 'gmail.com', accounts: ids.filter((_, i) => i % 2 === 0) },
      { kind: 'payment', value: 'pf1', accounts: hydra },
      { kind: 'ip24', value: '10.0.0.0', accounts: hydra.slice(0, 20) },
      { kind: 'ip24', value: '10.0.1.0', accounts: hydra.slice(20) },
      { kind: 'user_agent', value: 'python-httpx', accounts: [...hydra, ...ids.slice(500, 560)] },
    ];
    const r = linkAccounts(ids, groups, { threshold: 5, cap: 800, minSize: 3 });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0].sort()).toEqual([...hydra].sort());
    expect(r.shared[0].map((s) => s.kind)).toContain('payment');
  });
  it('joins accounts sharing the same set of groups too large for pair enumeration', () => {
    const big = ids.slice(0, 300);
    const groups = [
      { kind: 'payment', value: 'p', accounts: big },
      { kind: 'email_domain', value: 'x.xyz', accounts: big },
      { kind: 'system_prompt', value: 's', accounts: big },
    ];
    const r = linkAccounts(ids, groups, { threshold: 3, cap: 800, minSize: 3, pairBudget: 1000 });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]).toHaveLength(300);
  });
  it('signup bursts need several accounts in one window', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const created = [
      ...hydra.slice(0, 6).map((a, i) => ({ account_id: a, t: t0 + i * 60_000 })),
      { account_id: 'x', t: t0 + 86_400_000 },
    ];
    const g = signupBurstGroups(created, 60);
    expect(g.length).toBeGreaterThanOrEqual(1);
    expect(g.every((x) => !x.accounts.includes('x'))).toBe(true);
  });
});

describe('member ties', () => {
  it('counts independent rare kinds per member, one shared /24 is a weak tie', () => {
    const groups = [
      { kind: 'payment', value: 'pf1', accounts: hydra },
      { kind: 'system_prompt', value: 'sp', accounts: hydra },
      { kind: 'user_agent', value: 'ua', accounts: hydra },
      { kind: 'ip24', value: '10.0.0.0', accounts: [...hydra.slice(0, 5), 'a900'] },
      { kind: 'signup_ip24', value: '10.0.0.0', accounts: [...hydra.slice(0, 5), 'a900'] },
      { kind: 'asn', value: '64500', accounts: [...hydra.slice(0, 5), 'a900'] },
    ];
    const r = linkAccounts(ids, groups, { threshold: 5, cap: 800, minSize: 3 });
    // a900 shares only the /24: not linked at threshold 5, so widen the test by direct ties
    const ties = memberTies(
      [[...hydra, 'a900']],
      groups.map((g) => ({
        kind: g.kind,
        w: groupWeight(g.kind, g.accounts.length, 1000, 800),
        accounts: g.accounts,
      })),
    );
    expect(ties[0][0].kinds).toBe(4);
    expect(ties[0][39].kinds).toBe(3);
    expect(ties[0][40].kinds).toBe(1);
    expect(ties[0][40].strength).toBeLessThan(ties[0][0].strength);
    expect(r.ties[0]).toHaveLength(r.clusters[0].length);
  });
});

describe('linking counts a shared network once', () => {
  it('a shared /24, its signup /24 and its ASN do not add up to a link', () => {
    const office = ids.slice(100, 106);
    const groups = [
      { kind: 'ip24', value: '10.9.9.0', accounts: office },
      { kind: 'signup_ip24', value: '10.9.9.0', accounts: office },
      { kind: 'asn', value: '64501', accounts: office },
    ];
    const r = linkAccounts(ids, groups, { threshold: 6, cap: 800, minSize: 3 });
    expect(r.clusters).toHaveLength(0);
    const withCard = [...groups, { kind: 'email_domain', value: 'x.example', accounts: office }];
    expect(
      linkAccounts(ids, withCard, { threshold: 6, cap: 800, minSize: 3 }).clusters,
    ).toHaveLength(1);
  });
});
