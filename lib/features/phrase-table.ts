import type { PhraseTable } from './ngram-key';
import { LABEL_SALT } from './phrase-hits';
import { scanText } from './scan';

export interface PhraseRule {
  /** one to three words, tokenised exactly like prompt text */
  phrase: string;
  /** score slot (bucket index or cue index) */
  slot: number;
  weight: number;
}

/**
 * The 64-bit n-gram key of a 1-3 word phrase, computed with the prompt scanner itself.
 * A single word ending in ':' is a label token (see LABEL_SALT).
 */
export function phraseKey(phrase: string): { k1: number; k2: number; words: number } {
  const p = phrase.trim().toLowerCase();
  const label = p.endsWith(':');
  const r = scanText(label ? p.slice(0, -1) : p, null, null, 0, 0, false, true);
  if (label && r.words !== 1) throw new Error(`label token "${phrase}" must be one word`);
  if (label) return { k1: r.tailK1 ^ LABEL_SALT, k2: r.tailK2 ^ LABEL_SALT, words: 1 };
  return { k1: r.tailK1, k2: r.tailK2, words: r.words };
}

export function buildPhraseTable(rules: PhraseRule[]): PhraseTable {
  const byKey = new Map<string, { k1: number; k2: number; pairs: [number, number][] }>();
  for (const rule of rules) {
    const k = phraseKey(rule.phrase);
    if (k.words < 1 || k.words > 3) {
      throw new Error(`phrase "${rule.phrase}" must have 1 to 3 words (has ${k.words})`);
    }
    const id = `${k.k1}:${k.k2}`;
    let e = byKey.get(id);
    if (!e) byKey.set(id, (e = { k1: k.k1, k2: k.k2, pairs: [] }));
    const same = e.pairs.find((p) => p[0] === rule.slot);
    if (same) same[1] = Math.max(same[1], rule.weight);
    else e.pairs.push([rule.slot, rule.weight]);
  }
  let size = 1024;
  while (size < byKey.size * 12) size *= 2; // sparse: most probes end at one empty slot
  const mask = size - 1;
  const k1 = new Int32Array(size);
  const k2 = new Int32Array(size);
  const val = new Int32Array(size);
  const entries = [...byKey.values()];
  const total = entries.reduce((a, e) => a + e.pairs.length, 0);
  const entryStart = new Int32Array(entries.length);
  const entryEnd = new Int32Array(entries.length);
  const slot = new Int32Array(total);
  const weight = new Int32Array(total);
  let j = 0;
  entries.forEach((e, idx) => {
    entryStart[idx] = j;
    for (const [s, w] of e.pairs) {
      slot[j] = s;
      weight[j] = w;
      j++;
    }
    entryEnd[idx] = j;
    let i = e.k1 & mask;
    while (val[i] !== 0) i = (i + 1) & mask;
    k1[i] = e.k1;
    k2[i] = e.k2;
    val[i] = idx + 1;
  });
  return {
    mask,
    k1,
    k2,
    val,
    entryStart,
    entryEnd,
    slot,
    weight,
    seen: new Int32Array(entries.length),
  };
}
