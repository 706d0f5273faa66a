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
