import { describe, expect, it } from 'vitest';
import { assignClusterIds, clusterIdOf } from './cluster-identity';

const range = (a: number, b: number, p = 'a') =>
  Array.from({ length: b - a }, (_, i) => `${p}${a + i}`);

describe('assignClusterIds', () => {
  it('keeps an id when most members persist, and when the cluster grows', () => {
    const prev = [
      { id: 'c_old1', members: range(0, 10) },
      { id: 'c_old2', members: range(0, 5, 'b') },
    ];
    const { ids, vanished } = assignClusterIds([range(2, 40), range(1, 5, 'b')], prev);
    expect(ids).toEqual(['c_old1', 'c_old2']);
    expect(vanished).toEqual([]);
  });

  it('gives a fresh id when the overlap is small and reports the vanished cluster', () => {
    const prev = [{ id: 'c_old', members: range(0, 10) }];
    const { ids, vanished } = assignClusterIds([[...range(0, 3), ...range(0, 10, 'z')]], prev);
    expect(ids[0]).not.toBe('c_old');
    expect(ids[0]).toBe(clusterIdOf([...range(0, 3), ...range(0, 10, 'z')]));
    expect(vanished).toEqual([{ id: 'c_old', successor: ids[0] }]);
  });

  it('keeps the id on the larger part of a split, never twice', () => {
    const prev = [{ id: 'c_old', members: range(0, 20) }];
    const { ids, vanished } = assignClusterIds([range(0, 6), range(6, 20)], prev);
    expect(ids[1]).toBe('c_old');
    expect(ids[0]).not.toBe('c_old');
    expect(vanished).toEqual([]);
  });

  it('never hands a previous id to an unrelated cluster', () => {
    const members = range(0, 4);
    const prev = [{ id: clusterIdOf(members), members: range(0, 4, 'q') }];
    const { ids, vanished } = assignClusterIds([members], prev);
    expect(ids[0]).not.toBe(prev[0].id);
    expect(vanished).toEqual([{ id: prev[0].id, successor: null }]);
  });
});
