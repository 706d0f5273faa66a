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

function wordHash2(text: string, lowered: boolean, start: number, end: number): number {
  let hash = 0x9747b28c | 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    let mapped = unit < 128 ? ASCII_CODE[unit] : highCode(unit);
    if (mapped < 0) mapped = unit; // '+'/'#' inside c++/c#, or a context-lowered char in an already lower-cased text
    hash = Math.imul(hash ^ mapped, 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  return fmix32(hash ^ Math.imul(end - start, 0x9e3779b9));
}

/** Second key of the n-gram made of the given word spans (n = 1, 2 or 3; unused spans ignored). */
export function ngramSecondKey(
  text: string,
  lowered: boolean,
  gramWords: number,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  cStart: number,
  cEnd: number,
): number {
  const keyA = wordHash2(text, lowered, aStart, aEnd);
  if (gramWords === 1) return keyA;
  const keyAB = fmix32(Math.imul(keyA, 0x1b873593) ^ wordHash2(text, lowered, bStart, bEnd));
  if (gramWords === 2) return keyAB;
  return fmix32(Math.imul(keyAB, 0x27d4eb2f) ^ wordHash2(text, lowered, cStart, cEnd));
}
