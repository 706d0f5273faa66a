import { describe, expect, it } from 'vitest';
import { groupWeight, linkAccounts, pairsOf } from './link';
import { budgetAfter } from './link-budget';
import type { LinkMeta } from './link-state';
import type { IndicatorGroup } from './load-indicators';

// Relinking only the components a batch reaches (detect --since-last) must give the full
// linking's components there, also when the pair budget cuts off the lightest values.
const N = 600;
const ids = Array.from({ length: N }, (_, i) => `a${String(i).padStart(3, '0')}`);
let seed = 7;
const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const some = (k: number) => Array.from({ length: k }, () => ids[Math.floor(rnd() * N)]);
const KINDS = ['ip24', 'user_agent', 'email_domain', 'system_prompt', 'org', 'asn'];
const o = { threshold: 6, cap: 400, minSize: 3 };

function scenario(): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  for (let i = 0; i < 240; i++)
    groups.push({
      kind: KINDS[i % KINDS.length],
      value: `v${i}`,
      accounts: [...new Set(some(3 + (i % 6)))],
    });
  for (let i = 0; i < 20; i++)
    groups.push({ kind: 'payment', value: `p${i}`, accounts: [...new Set(some(3))] });
  // light, large values: the budget cuts them off
  for (let i = 0; i < 3; i++)
    groups.push({
      kind: 'template_band',
      value: `0:${i}`,
      accounts: ids.slice(i * 150, i * 150 + 200),
    });
  return groups;
}

describe('partial relinking', () => {
  it('gives the full linking components inside the relinked part, with a budget cut', () => {
    const g0 = scenario();
    const heavy = g0
      .filter((g) => g.kind !== 'template_band')
      .reduce((t, g) => t + pairsOf(g.accounts.length), 0);
    const budget = heavy + pairsOf(200) + 5_000; // one band fits, the next is the cut
    const l0 = linkAccounts(ids, g0, { ...o, pairBudget: budget });
    expect(l0.cut?.kind).toBe('template_band');
    expect(l0.tooBig).toBeGreaterThan(0);
    // the batch: five accounts gain values; one takes another cluster's card
    const T = [ids[590], ids[591], ids[592], ids[593], ids[594]];
    const host = l0.clusters.find((c) => !c.includes(T[0]))!;
    const card = g0.find((g) => g.kind === 'payment' && g.accounts.includes(host[0]))!;
    const g1 = g0.map((g) => ({ ...g, accounts: [...g.accounts] }));
    g1.find((g) => g.value === card.value)!.accounts.push(T[0]);
    T.forEach((t, i) => {
      g1[i * 7].accounts.push(t);
      g1[i * 11 + 3].accounts.push(t);
    });
    const l1 = linkAccounts(ids, g1, { ...o, pairBudget: budget });
    // the reference: a full linking with the stored cut (here also where a fresh one falls)
    expect(l1.cut).toEqual(l0.cut);
    expect(linkAccounts(ids, g1, { ...o, cut: l0.cut }).component).toEqual(l1.component);

    const Tset = new Set(T);
    const grown = g1.filter((g) => g.accounts.some((a) => Tset.has(a)));
    const meta: LinkMeta = {
      accounts: N,
      settings: '',
      plannedLo: l0.planned,
      plannedHi: l0.planned,
      cut: l0.cut,
      tooBig: l0.tooBig,
    };
    const n = (g: IndicatorGroup) => ({
      kind: g.kind,
      value: g.value,
      n: g.accounts.length,
      k: g.accounts.filter((a) => Tset.has(a)).length,
    });
    const bounds = budgetAfter(grown.map(n), meta, { N, cap: o.cap, threshold: 6, budget });
    expect(bounds).not.toBeNull();
    expect(bounds!.lo).toBeLessThanOrEqual(l1.planned);
    expect(bounds!.hi).toBeGreaterThanOrEqual(l1.planned);

    const A = new Set([
      ...T,
      ...grown.filter((g) => g.accounts.length <= o.cap + T.length).flatMap((g) => g.accounts),
    ]);
    const label = new Map(ids.map((id, i) => [id, l0.component[i]]));
    const labels = new Set([...A].map((a) => label.get(a)));
    const R = ids.filter((id) => labels.has(label.get(id)));
    expect(R.length).toBeLessThan(N / 2);
    const inR = new Set(R);
    const part = linkAccounts(
      R,
      g1.filter((g) => g.accounts.some((a) => inR.has(a))),
      { ...o, total: N, universe: new Set(ids), cut: l0.cut },
    );
    const full = new Map(ids.map((id, i) => [id, l1.component[i]]));
    R.forEach((id, i) => expect(part.component[i], id).toBe(full.get(id)));
    const key = (c: string[]) => [...c].sort().join(' ');
    expect(part.clusters.map(key).sort()).toEqual(
      l1.clusters
        .filter((c) => c.some((m) => inR.has(m)))
        .map(key)
        .sort(),
    );
    // outside R nothing moved
    ids.forEach((id, i) => {
      if (!inR.has(id)) expect(l1.component[i], id).toBe(l0.component[i]);
    });
    // and the card moved T[0] into the host's cluster
    expect(full.get(T[0])).toBe(full.get(host[0]));
  });

  it('keeps the stored cut, and relinks everything when the pairs pass the budget by a quarter', () => {
    const cut = {
      w: groupWeight('template_band', 200, N, 400),
      n: 200,
      kind: 'template_band',
      value: '0:1',
      pairs: pairsOf(200),
    };
    const meta: LinkMeta = {
      accounts: N,
      settings: '',
      plannedLo: 100,
      plannedHi: 100,
      cut,
      tooBig: 2,
    };
    const at = { N, cap: 400, threshold: 6, budget: 100 };
    // the cut itself grew: lighter, still past the cut, not counted
    expect(budgetAfter([{ kind: 'template_band', value: '0:1', n: 201, k: 1 }], meta, at)).toEqual({
      lo: 0,
      hi: 100,
    });
    expect(budgetAfter([{ kind: 'ip24', value: 'x', n: 5, k: 1 }], meta, at)).toEqual({
      lo: 100,
      hi: 104,
    });
    expect(budgetAfter([{ kind: 'ip24', value: 'x', n: 30, k: 10 }], meta, at)).toBeNull();
  });
});
