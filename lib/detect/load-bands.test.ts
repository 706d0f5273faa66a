import { describe, expect, it } from 'vitest';
import { loadBands } from './load-bands';

// Templates as their four 16-bit bands (low bits first) and events; loadBands reads them from the
// compact rollup's day sets: [account_id, day, simhash[] (signed int8 as text), tmpl_events[], part].
type T = [number, number, number, number, number];
const simhash = ([b0, b1, b2, b3]: number[]) =>
  BigInt.asIntN(
    64,
    BigInt(b0) | (BigInt(b1) << 16n) | (BigInt(b2) << 32n) | (BigInt(b3) << 48n),
  ).toString();
const daySet = (account: string, day: number, ts: T[]) => [
  account,
  day,
  ts.map(([, ...bands]) => simhash(bands)),
  ts.map(([events]) => events),
  '1',
];
const rows = [
  // a: two templates share band0=1 (the first seen on two days: its events add up)
  daySet('a', 20000, [
    [3, 1, 2, 3, 4],
    [1, 1, 9, 9, 9],
  ]),
  daySet('a', 20001, [
    [2, 1, 2, 3, 4],
    [1, 7, 7, 7, 7],
  ]),
  // b and c: a frame on band1=20, three distinct prompts each
  daySet('b', 20000, [
    [1, 10, 20, 30, 40],
    [1, 11, 20, 31, 41],
    [1, 12, 20, 32, 42],
  ]),
  daySet('c', 20000, [
    [1, 13, 20, 33, 43],
    [1, 14, 20, 34, 44],
    [1, 15, 20, 35, 45],
  ]),
  daySet('d', 20000, [[3, 1, 2, 3, 4]]),
  daySet('e', 20000, []), // a day set with no template (e.g. only unparsed prompts) must not break the pass
];
const fake = { query: async () => ({ rows }) } as unknown as Parameters<typeof loadBands>[0];

describe('SimHash band facts', () => {
  it('counts near-duplicate events and shared frames', async () => {
    const { nearDup, frames } = await loadBands(fake, 10);
    expect(nearDup.get('a')).toBe(6);
    expect(nearDup.get('b')).toBe(3);
    expect(nearDup.has('d')).toBe(false);
    expect(nearDup.has('e')).toBe(false);
    expect(frames).toEqual([{ kind: 'template_band', value: '1:20', accounts: ['b', 'c'] }]);
  });
});
