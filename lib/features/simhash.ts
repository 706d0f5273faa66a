import { fmix32, halvesFromInt64, int64FromHalves, popcount32 } from './hash32';
import { scanText } from './scan';

/**
 * 64-bit SimHash over word 3-shingles of normalised prompt text (each shingle weight 1).
 * Texts with fewer than three words fall back to character 3-grams (or the whole string when
 * shorter than three characters); the empty string hashes to 0.
 * The value is returned as a SIGNED int64 bigint so it fits a Postgres bigint column.
 */
export interface SimhashHalves {
  hi: number;
  lo: number;
}

export function simhash64(normalisedText: string): bigint {
  const h = simhashHalves(normalisedText);
  return int64FromHalves(h.hi, h.lo);
}

export function simhashHalves(normalisedText: string): SimhashHalves {
  const r = scanText(normalisedText, null, null, 0, 0, true);
  if (r.words >= 3) return { hi: r.simHi, lo: r.simLo };
  return shortTextSimhash(normalisedText);
}

const counters = new Int32Array(64);

/** Character 3-gram SimHash for very short text (< 3 words). */
export function shortTextSimhash(s: string): SimhashHalves {
  const n = s.length;
  if (n === 0) return { hi: 0, lo: 0 };
  if (n < 3) {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < n; i++) {
      a = Math.imul(a ^ s.charCodeAt(i), 16777619);
      b = Math.imul(b ^ s.charCodeAt(i), 0x5bd1e995);
    }
    return { hi: fmix32(b ^ n) >>> 0, lo: fmix32(a ^ n) >>> 0 };
  }
  counters.fill(0);
  const grams = n - 2;
  for (let i = 0; i < grams; i++) {
    const x = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    const y = s.charCodeAt(i + 2);
    const lo = fmix32(Math.imul(x, 0xcc9e2d51) ^ y);
    const hi = fmix32((Math.imul(x ^ 0x5bd1e995, 0x1b873593) + Math.imul(y, 0x85ebca6b)) | 0);
    for (let j = 0; j < 32; j++) {
      counters[j] += (lo >>> j) & 1;
      counters[32 + j] += (hi >>> j) & 1;
    }
  }
  let lo = 0,
    hi = 0;
  for (let j = 0; j < 32; j++) {
    if (counters[j] * 2 > grams) lo |= 1 << j;
    if (counters[32 + j] * 2 > grams) hi |= 1 << j;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** Four 16-bit bands (0..65535), most significant first, of the unsigned 64-bit pattern. */
export function bandsFromHalves(hi: number, lo: number): [number, number, number, number] {
  return [(hi >>> 16) & 0xffff, hi & 0xffff, (lo >>> 16) & 0xffff, lo & 0xffff];
}

export function simhashBands(h: bigint): [number, number, number, number] {
  const { hi, lo } = halvesFromInt64(h);
  return bandsFromHalves(hi, lo);
}

/** Number of differing bits between two 64-bit hashes (0..64). */
export function hamming(a: bigint, b: bigint): number {
  const x = halvesFromInt64(a ^ b);
  return popcount32(x.hi) + popcount32(x.lo);
}
