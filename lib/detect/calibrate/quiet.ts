import { createHash } from 'node:crypto';

// Robust fitting against feature deletion ("quiet copies" of each attack sample).
//
// Why: a training set holds the attack families someone labelled, and those are loud: a sweep,
// a reasoning harvester or a benchmark scraper is beyond the benign range on eight to twelve
// signals at once. A plain fit spreads the weight over all of them, and no single one has to carry
// much: a held-out family that shows only two or three of the same facts (a quiet adaptive
// harvester: long answers to short prompts, broad and even coverage, and little else) stays far
// below the threshold. This is the failure leave-one-family-out measured (adaptive 10 %).
//
// The class of attacker the product must catch is exactly the one that removes its loudest tells.
// So each attack sample is also presented as `copies` quieter versions of itself, in which each
// evidence value is kept with probability 1/2 and otherwise set to 0 (the attacker avoided that
// tell). The fit must then give enough weight to every fact that harvesting implies for a partial
// profile to reach the threshold, while the benign accounts, unchanged, still bound the false
// positive rate: a signal that benign accounts also show cannot carry a quiet copy on its own.
// (Learning under feature deletion: Globerson & Roweis, "Nightmare at test time", ICML 2006.)
//
// `weight` is the total weight of one sample's quiet copies relative to the sample itself: 0 turns
// the augmentation off (the plain fit), larger values trade benign false positives for recall of
// quiet attackers. Copies are drawn from a PRNG seeded by the account id: the fit is reproducible.

export interface QuietOptions {
  /** total weight of one attack sample's quiet copies (0 = off) */
  weight: number;
  /** number of quiet copies per attack sample */
  copies?: number;
}

export interface WeightedSet {
  x: number[][];
  y: number[];
  w: number[];
}

/** A small deterministic PRNG (mulberry32) seeded from a string. */
export function seededRandom(key: string): () => number {
  let a = createHash('sha256').update(key).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The samples themselves (weight 1) plus, for each attack sample, its quiet copies. */
export function withQuietCopies(
  samples: { account_id: string; x: number[]; y: 0 | 1 }[],
  o: QuietOptions,
): WeightedSet {
  const copies = o.copies ?? 40;
  const out: WeightedSet = { x: [], y: [], w: [] };
  for (const s of samples) {
    out.x.push(s.x);
    out.y.push(s.y);
    out.w.push(1);
    if (s.y !== 1 || o.weight <= 0) continue;
    const rnd = seededRandom(s.account_id);
    for (let c = 0; c < copies; c++) {
      out.x.push(s.x.map((v) => (rnd() < 0.5 ? v : 0)));
      out.y.push(1);
      out.w.push(o.weight / copies);
    }
  }
  return out;
}
