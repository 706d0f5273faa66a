import { describe, expect, it } from 'vitest';
import { parseView, viewQuery } from './window-params';

const keys = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05', '2026-10-06'];
const from = (q: string) => {
  const p = new URLSearchParams(q);
  return parseView((k) => p.get(k), keys);
};

describe('parseView', () => {
  it('defaults to the last 7 days, newest first, with no hint', () => {
    expect(from('')).toEqual({ win: [0, 4], order: 'desc', hints: [] });
  });
  it('reads a window of days and the order', () => {
    expect(from('from=2026-10-02&to=2026-10-05&order=asc')).toEqual({
      win: [1, 3],
      order: 'asc',
      hints: [],
    });
  });
  it('turns an inverted window round, with a hint', () => {
    const v = from('from=2026-10-05&to=2026-10-02');
    expect(v.win).toEqual([1, 3]);
    expect(v.hints[0]).toMatch(/after/);
  });
  it('says so when a parameter is not a day or the order is unknown', () => {
    expect(from('from=yesterday').hints[0]).toMatch(/from=yesterday is not a day/);
    expect(from('order=sideways').hints[0]).toMatch(/order=sideways/);
  });
  it('clips a window reaching outside the history, and hints', () => {
    const v = from('from=2026-09-01&to=2026-10-02');
    expect(v.win).toEqual([0, 1]);
    expect(v.hints[0]).toMatch(/outside/);
    expect(from('from=2027-01-01&to=2027-02-01').hints.at(-1)).toMatch(/No day/);
  });
});

describe('viewQuery', () => {
  it('writes the window and the order, keeping other parameters', () => {
    expect(viewQuery('x=1&order=asc', keys, [1, 2], 'desc')).toBe(
      '?x=1&from=2026-10-02&to=2026-10-03',
    );
    expect(viewQuery('', keys, [0, 4], 'asc')).toBe('?from=2026-10-01&to=2026-10-06&order=asc');
  });
});
