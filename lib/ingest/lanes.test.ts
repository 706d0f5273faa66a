import { describe, expect, it } from 'vitest';
import { laneOf } from './lanes';

describe('laneOf', () => {
  it('is stable and spreads sequential account ids evenly', () => {
    expect(laneOf('acct-42', 2)).toBe(laneOf('acct-42', 2));
    expect(laneOf('anything', 1)).toBe(0);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[laneOf(`acct-${i}`, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});
