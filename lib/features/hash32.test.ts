import { describe, expect, it } from 'vitest';
import { int64FromHalves, int64Text } from './hash32';

// int64Text writes the simhash column of every ingested row; it must be BigInt's text exactly.
describe('int64Text', () => {
  const halves = (v: bigint): [number, number] => {
    const u = BigInt.asUintN(64, v);
    return [Number(u >> 32n), Number(u & 0xffffffffn)];
  };
  const same = (hi: number, lo: number) =>
    expect(int64Text(hi, lo), `${hi}:${lo}`).toBe(int64FromHalves(hi, lo).toString());

  it('gives the signed decimal of the edges: 0, ±1, 2^53 around, ±2^63 and the 10^6 steps', () => {
    const edge = [0, 1, 0x1fffff, 0x200000, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe];
    for (const hi of [...edge, 0xffffffff, 0x3b9ac9ff])
      for (const lo of [...edge, 0xffffffff]) same(hi, lo);
    for (const v of [
      2n ** 63n - 1n,
      -(2n ** 63n),
      2n ** 53n,
      -(2n ** 53n),
      10n ** 18n,
      -(10n ** 18n),
    ])
      same(...halves(v));
  });

  it('matches BigInt on 50,000 pseudo-random values and on values next to multiples of 10^6', () => {
    let seed = 7;
    const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 50_000; i++) same(r(), r());
    for (let i = 0; i < 5_000; i++) {
      const v = BigInt(r()) * BigInt(r() >>> 10) * 1_000_000n + BigInt((r() % 3) - 1);
      same(...halves(v));
      same(...halves(-v));
    }
  });
});
