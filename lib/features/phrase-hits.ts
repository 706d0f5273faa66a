import { ngramSecondKey, type PhraseTable } from './ngram-key';

// Phrase-table matches of the scanner (./scan.ts): look-up of a word n-gram's keys, recorded per
// scan and applied once at its end.

/** A word directly followed by ':' (e.g. "Question:") is also looked up under key ^ LABEL_SALT. */
export const LABEL_SALT = 0x3a3a3a3a;

// Matched phrase entries of the current scan; applied at the end so that a scan restarted on
// lower-cased text (see highCode) never counts twice, and each phrase scores once per scan.
let hits = new Int32Array(1024);
let hitCount = 0;
let epoch = 0;

/** Collision check once the first key matched a slot (rare path); records the entry. */
export function hit(
  table: PhraseTable,
  k1: number,
  text: string,
  lowered: boolean,
  gramWords: number,
  label: boolean,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  cStart: number,
  cEnd: number,
): void {
  let k2 = 0;
  let haveK2 = false;
  for (let i = k1 & table.mask; table.val[i] !== 0; i = (i + 1) & table.mask) {
    if (table.k1[i] !== k1) continue;
    if (!haveK2) {
      k2 =
        ngramSecondKey(text, lowered, gramWords, aStart, aEnd, bStart, bEnd, cStart, cEnd) ^
        (label ? LABEL_SALT : 0);
      haveK2 = true;
    }
    if (table.k2[i] !== k2) continue;
    if (hitCount === hits.length) {
      const bigger = new Int32Array(hits.length * 2);
      bigger.set(hits);
      hits = bigger;
    }
    hits[hitCount++] = table.val[i] - 1;
    return;
  }
}

export function applyHits(table: PhraseTable, scores: Int32Array, mul: number): void {
  epoch = (epoch + 1) | 0;
  for (let hitIdx = 0; hitIdx < hitCount; hitIdx++) {
    const entry = hits[hitIdx];
    if (table.seen[entry] === epoch) continue;
    table.seen[entry] = epoch;
    for (let j = table.entryStart[entry], end = table.entryEnd[entry]; j < end; j++)
      scores[table.slot[j]] += table.weight[j] * mul;
  }
  hitCount = 0;
}

/** Forgets the matches of an unfinished scan (a scan restarted on lower-cased text). */
export function resetHits(): void {
  hitCount = 0;
}
