import type { IndicatorGroup } from './load-indicators';
import { PairTable } from './pair-table';
import { UnionFind } from './union-find';

// How much one shared value of each kind says about common control, before rarity.
export const KIND_WEIGHTS: Record<string, number> = {
  payment: 1.5,
  api_key: 1.5,
  system_prompt: 0.7,
  signup_ip24: 0.7,
  ip24: 0.7,
  org: 1.0,
  template_band: 0.1,
  email_domain: 0.6,
  user_agent: 0.5,
  signup_burst: 0.5,
  asn: 0.35,
};

/** Rarity-weighted weight of one shared value: kind weight × idf = ln(N / n); 0 when too common. */
export function groupWeight(kind: string, n: number, total: number, cap: number): number {
  if (n < 2 || n > cap) return 0;
  return (KIND_WEIGHTS[kind] ?? 0.3) * Math.max(0, Math.log(total / n));
}

export interface LinkResult {
  clusters: string[][];
  /** per cluster, the shared indicators that linked it (kind, value, members carrying it) */
  shared: { kind: string; value: string; members: number; weight: number }[][];
  /** per cluster, per member (same order as `clusters`): how strongly it is tied to the others */
  ties: MemberTie[][];
  pairsScored: number;
  /** per account (same order as the ids linked): the least account id of its component */
  component: string[];
  /** pairs of the values summed per pair (the pair budget's measure; 0 when `cut` was given) */
  planned: number;
  /** the first value past the pair budget (it and every lighter one linked by signature), or null */
  cut: LinkCut | null;
  /** values too large for the pair budget, linked by signature instead */
  tooBig: number;
}

/**
 * A member's tie to its cluster: per independent fact (network, payment, email domain, user
 * agent, …) the heaviest shared value it has in common with at least one other member, summed
 * (`strength`), and how many facts weigh at least MIN_KIND_WEIGHT (`kinds`: independent rare
 * indicators; a shared office /24, with its signup /24 and ASN, is one).
 */
export interface MemberTie {
  strength: number;
  kinds: number;
}
export const MIN_KIND_WEIGHT = 1;

// Kinds that describe the same fact count once as an independent indicator: a shared office
// /24 is also a shared signup /24 and a shared ASN.
const INDEPENDENT: Record<string, string> = {
  ip24: 'network',
  signup_ip24: 'network',
  asn: 'network',
};
const factOf = (kind: string) => INDEPENDENT[kind] ?? kind;

/** Ties of each member of each cluster, from the weighted indicator groups. */
export function memberTies(
  clusters: string[][],
  weighted: { kind: string; w: number; accounts: string[] }[],
): MemberTie[][] {
  const where = new Map<string, [number, number]>();
  clusters.forEach((c, ci) => c.forEach((m, mi) => where.set(m, [ci, mi])));
  const best = clusters.map((c) => c.map(() => new Map<string, number>()));
  for (const g of weighted) {
    const byCluster = new Map<number, number[]>();
    for (const a of g.accounts) {
      const at = where.get(a);
      if (!at) continue;
      let l = byCluster.get(at[0]);
      if (!l) byCluster.set(at[0], (l = []));
      l.push(at[1]);
    }
    for (const [ci, mis] of byCluster) {
      if (mis.length < 2) continue;
      const fact = factOf(g.kind);
      for (const mi of mis) {
        const m = best[ci][mi];
        if ((m.get(fact) ?? 0) < g.w) m.set(fact, g.w);
      }
    }
  }
  return best.map((c) =>
    c.map((kinds) => {
      let strength = 0,
        n = 0;
      for (const w of kinds.values()) {
        strength += w;
        if (w >= MIN_KIND_WEIGHT) n++;
      }
      return { strength, kinds: n };
    }),
  );
}

/**
 * Accounts are linked when the summed weight of the indicators they share reaches `threshold`.
 * A single value strong enough on its own links its whole group directly (no pair enumeration);
 * weaker values are summed per pair, heaviest values first, within a pair budget: the values
 * from the first one that no longer fits (the cut) on are linked by signature instead.
 */
export function linkAccounts(ids: string[], groups: IndicatorGroup[], o: LinkOptions): LinkResult {
  const index = new Map(ids.map((id, i) => [id, i]));
  const N = ids.length;
  const total = o.total ?? N;
  const uf = new UnionFind(N);
  const weighted = groups
    .map((g) => {
      const idx = g.accounts.map((a) => index.get(a)).filter((i): i is number => i !== undefined);
      const m = o.universe ? g.accounts.filter((a) => o.universe!.has(a)).length : idx.length;
      return { g, w: groupWeight(g.kind, g.accounts.length, total, o.cap), idx, m };
    })
    .filter((x) => x.w > 0 && x.m >= 2 && x.idx.length >= 1)
    // heaviest evidence first, so the pair budget is never spent on weak values (template bands)
    // first; ties by size and name, so linking a subset of the accounts visits values in the same order
    .sort(byWeight);
  // Each independent fact counts once per pair (its heaviest shared value): many shared template
  // bands or /24s must not add up to a link on their own, nor a shared office /24 counted again as
  // a shared signup /24 and a shared ASN (a co-working space is one fact, not three).
  let cut: LinkCut | null = o.cut ?? null;
  let planned = 0;
  if (o.cut === undefined) {
    const budget = o.pairBudget ?? PAIR_BUDGET;
    for (const x of weighted) {
      if (x.w >= o.threshold) continue;
      const np = pairsOf(x.m);
      if (planned + np > budget) {
        cut = { w: x.w, n: x.g.accounts.length, kind: x.g.kind, value: x.g.value, pairs: np };
        break;
      }
      planned += np;
    }
  }
  const enumerate = (x: (typeof weighted)[number]) =>
    x.w < o.threshold && (cut === null || byWeight({ w: x.w, g: x.g }, { w: cut.w, g: cut }) < 0);
  let capacity = 0;
  for (const x of weighted) if (enumerate(x)) capacity += pairsOf(x.idx.length);
  const pairs = new PairTable(capacity);
  const factBit = new Map<string, number>();
  const tooBig: { w: number; idx: number[] }[] = [];
  for (const x of weighted) {
    const { g, w, idx } = x;
    if (w >= o.threshold) {
      for (let k = 1; k < idx.length; k++) uf.union(idx[0], idx[k]);
      continue;
    }
    if (!enumerate(x)) {
      tooBig.push({ w, idx });
      continue;
    }
    const fact = factOf(g.kind);
    let bit = factBit.get(fact);
    if (bit === undefined) factBit.set(fact, (bit = factBit.size % 32));
    for (let i = 0; i < idx.length; i++) {
      for (let j = i + 1; j < idx.length; j++) {
        const a = Math.min(idx[i], idx[j]),
          b = Math.max(idx[i], idx[j]);
        if (pairs.add(a * N + b, bit, w) >= o.threshold) uf.union(a, b);
      }
    }
  }
  linkBySignature(tooBig, N, o.threshold, uf);
  const clusters = uf.groups(o.minSize).map((g) => g.map((i) => ids[i]));
  const shared = sharedIndicators(clusters, weighted);
  const ties = memberTies(
    clusters,
    weighted.map(({ g, w }) => ({ kind: g.kind, w, accounts: g.accounts })),
  );
  return {
    clusters,
    shared,
    ties,
    pairsScored: pairs.size,
    component: componentLabels(ids, uf),
    planned,
    cut,
    tooBig: tooBig.length,
  };
}

/** Pairs enumerated before lighter values are linked by signature instead (LinkOptions.pairBudget). */
export const PAIR_BUDGET = 3_000_000;

export interface LinkOptions {
  threshold: number;
  cap: number;
  minSize: number;
  pairBudget?: number;
  /** accounts the rarity of a value is judged against (default: the ids linked) */
  total?: number;
  /** every account linked in the full run when `ids` is a part of them (pairs counted over these) */
  universe?: Set<string>;
  /** the full run's cut (linking a part of the accounts): no budget is counted then */
  cut?: LinkCut | null;
}

/** A value's place in the order values are visited in, and its pairs (the pair budget's measure). */
export interface LinkCut {
  w: number;
  n: number;
  kind: string;
  value: string;
  pairs: number;
}

export const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** Heaviest first, then fewer accounts, then kind and value: a total order of values. */
export function byWeight(
  a: { w: number; g: { kind: string; value: string; accounts?: string[]; n?: number } },
  b: { w: number; g: { kind: string; value: string; accounts?: string[]; n?: number } },
): number {
  const na = a.g.n ?? a.g.accounts!.length,
    nb = b.g.n ?? b.g.accounts!.length;
  if (a.w !== b.w) return b.w - a.w;
  if (na !== nb) return na - nb;
  if (a.g.kind !== b.g.kind) return a.g.kind < b.g.kind ? -1 : 1;
  return a.g.value < b.g.value ? -1 : a.g.value > b.g.value ? 1 : 0;
}

/** Per id, the least id of its component: a label that does not depend on which subset was linked. */
function componentLabels(ids: string[], uf: UnionFind): string[] {
  const least = new Map<number, string>();
  ids.forEach((id, i) => {
    const r = uf.find(i);
    const l = least.get(r);
    if (l === undefined || id < l) least.set(r, id);
  });
  return ids.map((_, i) => least.get(uf.find(i))!);
}

/** Per cluster, the 12 heaviest indicator values its members share (one pass over the groups). */
function sharedIndicators(
  clusters: string[][],
  weighted: { g: IndicatorGroup; w: number }[],
): LinkResult['shared'] {
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, ci) => c.forEach((m) => clusterOf.set(m, ci)));
  const out: LinkResult['shared'] = clusters.map(() => []);
  for (const { g, w } of weighted) {
    const count = new Map<number, number>();
    for (const a of g.accounts) {
      const ci = clusterOf.get(a);
      if (ci !== undefined) count.set(ci, (count.get(ci) ?? 0) + 1);
    }
    for (const [ci, members] of count)
      if (members >= 2) out[ci].push({ kind: g.kind, value: g.value, members, weight: w });
  }
  return out.map((list) =>
    list.sort((a, b) => b.members * b.weight - a.members * a.weight).slice(0, 12),
  );
}

/**
 * Groups too large to enumerate pairs (a hydra of thousands sharing a payment method and a domain):
 * accounts carrying exactly the same set of these values are joined when the set's summed weight
 * reaches the threshold.
 */
function linkBySignature(
  groups: { w: number; idx: number[] }[],
  n: number,
  threshold: number,
  uf: UnionFind,
): void {
  if (groups.length === 0) return;
  const sig: number[][] = Array.from({ length: n }, () => []);
  const weight = new Array<number>(n).fill(0);
  groups.forEach((g, gi) => {
    for (const i of g.idx) {
      sig[i].push(gi);
      weight[i] += g.w;
    }
  });
  const first = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (sig[i].length < 2 || weight[i] < threshold) continue;
    const key = sig[i].join(',');
    const f = first.get(key);
    if (f === undefined) first.set(key, i);
    else uf.union(f, i);
  }
}
