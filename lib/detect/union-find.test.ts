import { describe, expect, it } from 'vitest';
import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('joins transitively and lists groups', () => {
    const uf = new UnionFind(6);
    expect(uf.union(0, 1)).toBe(true);
    uf.union(1, 2);
    expect(uf.union(2, 0)).toBe(false);
    uf.union(4, 5);
    expect(uf.find(2)).toBe(uf.find(0));
    expect(uf.find(3)).not.toBe(uf.find(0));
    const g = uf
      .groups(2)
      .map((x) => x.join(','))
      .sort();
    expect(g).toEqual(['0,1,2', '4,5']);
    expect(uf.groups(3)).toHaveLength(1);
  });
});
