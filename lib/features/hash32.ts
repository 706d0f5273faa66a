/** 32-bit hashing primitives shared by the scanner, SimHash and the phrase table. */

/** MurmurHash3 finaliser: a cheap, well-mixing 32-bit avalanche. Returns a signed int32. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Signed int64 bigint from two 32-bit halves (built once per event, never in a hot loop). */
export function int64FromHalves(hi: number, lo: number): bigint {
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

/** The two unsigned 32-bit halves of a 64-bit value given as a (signed or unsigned) bigint. */
export function halvesFromInt64(h: bigint): { hi: number; lo: number } {
  const u = BigInt.asUintN(64, h);
  return { hi: Number(u >> 32n), lo: Number(u & 0xffffffffn) };
}

/**
 * Decimal text of the signed int64 with these unsigned 32-bit halves, as
 * `int64FromHalves(hi, lo).toString()` gives it, without BigInt (ingest writes one per event):
 * the magnitude split as q·10⁶ + r, each part exact in a double.
 */
export function int64Text(hi: number, lo: number): string {
  hi >>>= 0;
  lo >>>= 0;
  let sign = '';
  if (hi >= 0x80000000) {
    sign = '-'; // two's complement: magnitude = ~x + 1
    lo = (~lo >>> 0) + 1;
    hi = ~hi >>> 0;
    if (lo === TWO32) {
      lo = 0;
      hi += 1; // at most 2^31: the magnitude of -2^63
    }
  }
  if (hi < 0x200000) return sign + String(hi * TWO32 + lo); // below 2^53: exact
  const hr = hi % 1e6;
  const mid = hr * TWO32 + lo; // < 10^6 · 2^32 + 2^32 < 2^53
  const r = mid % 1e6;
  const q = ((hi - hr) / 1e6) * TWO32 + (mid - r) / 1e6; // < 2^45
  return sign + String(q) + String(r).padStart(6, '0');
}
const TWO32 = 4294967296;
