import { ASCII_CODE, highCode } from './chars';
import { fmix32 } from './hash32';

/**
 * Open-addressing table from an n-gram key to (score slot, weight) pairs. Keys are 64-bit:
 * k1 comes from the scanner's rolling word hashes; k2 is a second, independent hash of the same
 * words, computed only when k1 already matched a slot, so the hot path pays for one 32-bit probe.
 */
export interface PhraseTable {
  mask: number;
  k1: Int32Array;
  k2: Int32Array;
  /** entry index + 1 per slot; 0 = empty */
  val: Int32Array;
  entryStart: Int32Array;
  entryEnd: Int32Array;
  slot: Int32Array;
  weight: Int32Array;
  /** per entry: the last scan that counted it (each phrase scores once per scan) */
  seen: Int32Array;
}

function wordHash2(s: string, lowered: boolean, start: number, end: number): number {
  let h = 0x9747b28c | 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    let m = c < 128 ? ASCII_CODE[c] : highCode(c);
    if (m < 0) m = c; // '+'/'#' inside c++/c#, or a context-lowered char in an already lower-cased text
    h = Math.imul(h ^ m, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return fmix32(h ^ Math.imul(end - start, 0x9e3779b9));
}

/** Second key of the n-gram made of the given word spans (n = 1, 2 or 3; unused spans ignored). */
export function ngramSecondKey(
  s: string,
  lowered: boolean,
  n: number,
  sa: number,
  ea: number,
  sb: number,
  eb: number,
  sc: number,
  ec: number,
): number {
  const a = wordHash2(s, lowered, sa, ea);
  if (n === 1) return a;
  const ab = fmix32(Math.imul(a, 0x1b873593) ^ wordHash2(s, lowered, sb, eb));
  if (n === 2) return ab;
  return fmix32(Math.imul(ab, 0x27d4eb2f) ^ wordHash2(s, lowered, sc, ec));
}
