import { describe, expect, it } from 'vitest';
import { loadBands } from './load-bands';

// rows: account, events, band0..band3 (as the SQL returns them, ordered by account)
const rows = [
  ['a', 5, 1, 2, 3, 4],
  ['a', 1, 1, 9, 9, 9],
  ['a', 1, 7, 7, 7, 7], // a: two templates share band0=1
  ['b', 1, 10, 20, 30, 40],
  ['b', 1, 11, 20, 31, 41],
  ['b', 1, 12, 20, 32, 42], // b: a frame on band1=20
  ['c', 1, 13, 20, 33, 43],
  ['c', 1, 14, 20, 34, 44],
  ['c', 1, 15, 20, 35, 45], // c: the same frame
  ['d', 3, 1, 2, 3, 4],
];
const fake = { query: async () => ({ rows }) } as unknown as Parameters<typeof loadBands>[0];

describe('SimHash band facts', () => {
  it('counts near-duplicate events and shared frames', async () => {
    const { nearDup, frames } = await loadBands(fake, 10);
    expect(nearDup.get('a')).toBe(6);
    expect(nearDup.get('b')).toBe(3);
    expect(nearDup.has('d')).toBe(false);
    expect(frames).toEqual([{ kind: 'template_band', value: '1:20', accounts: ['b', 'c'] }]);
  });
});
