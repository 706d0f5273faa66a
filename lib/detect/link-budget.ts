import { byWeight, groupWeight, pairsOf } from './link';
import type { LinkMeta } from './link-state';

// The pair-budget check of a since-last relink (link-since-last.ts): after a batch, can the
// stored cut of the budget stay, or may the pairs it counts have grown past it?

interface Grown {
  kind: string;
  value: string;
  /** accounts now, and how many of them are touched (it had at least n − k before) */
  n: number;
  k: number;
}

/**
 * Bounds of the pairs counted against the pair budget after the values held by touched accounts
 * grew (a value only gets lighter as it grows; all the others are unchanged), with the stored cut.
 * Null when they may pass the budget by more than a quarter: then everything is relinked and the
 * cut found again.
 */
export function budgetAfter(
  grown: Grown[],
  meta: LinkMeta,
  o: { N: number; cap: number; threshold: number; budget: number },
): { lo: number; hi: number } | null {
  let lo = meta.plannedLo,
    hi = meta.plannedHi;
  const w = (kind: string, n: number) => groupWeight(kind, n, o.N, o.cap);
  for (const g of grown) {
    const wNow = w(g.kind, g.n);
    const counted =
      wNow > 0 &&
      wNow < o.threshold &&
      (!meta.cut || byWeight({ w: wNow, g }, { w: meta.cut.w, g: meta.cut }) < 0);
    if (counted) {
      // before, it had n − k accounts or more and was counted, or was strong enough not to be
      const before = w(g.kind, Math.max(2, g.n - g.k)) >= o.threshold ? 0 : pairsOf(g.n - g.k);
      hi += pairsOf(g.n) - before;
    } else if (g.n - g.k <= o.cap && w(g.kind, g.n) < o.threshold) {
      lo -= pairsOf(Math.min(g.n, o.cap)); // it may have been counted before
    }
  }
  return hi > o.budget * 1.25 ? null : { lo: Math.max(0, lo), hi };
}
