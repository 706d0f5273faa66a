import { describe, expect, it } from 'vitest';
import { addToDaySets, encodeDaySets, type DaySets } from './day-sets';

const T = Date.parse('2026-10-02T00:00:00.000Z');
const H = 3_600_000;

describe('day sets built in JS', () => {
  it('group by account and UTC day: first ms and events per bucket, events/first/last per template', () => {
    const sets: DaySets = new Map();
    // acct-b first to show the rows come out in (account, day) order
    addToDaySets(sets, 'acct-b', T + 5 * H, 7, 4095, '-9');
    addToDaySets(sets, 'acct-a', T + 3 * H, 7, 100, '42');
    addToDaySets(sets, 'acct-a', T + 1 * H, 7, 101, '42'); // earlier, same template and taxonomy
    addToDaySets(sets, 'acct-a', T + 2 * H, 9, 100, '-5');
    addToDaySets(sets, 'acct-a', T + 24 * H + 1, 7, 100, '42'); // next UTC day
    expect(encodeDaySets(sets).split('\n')).toEqual([
      // account, day, tax buckets/first/events, fine buckets/first/events, templates/events/first/last
      `acct-a\t2026-10-02\t{7,9}\t{${H},${2 * H}}\t{2,1}\t{100,101}\t{${2 * H},${H}}\t{2,1}\t{42,-5}\t{2,1}\t{${H},${2 * H}}\t{${3 * H},${2 * H}}`,
      'acct-a\t2026-10-03\t{7}\t{1}\t{1}\t{100}\t{1}\t{1}\t{42}\t{1}\t{1}\t{1}',
      `acct-b\t2026-10-02\t{7}\t{${5 * H}}\t{1}\t{4095}\t{${5 * H}}\t{1}\t{-9}\t{1}\t{${5 * H}}\t{${5 * H}}`,
      '',
    ]);
  });

  it('escapes an account id for COPY text', () => {
    const sets: DaySets = new Map();
    addToDaySets(sets, 'a\tb\\c', T, 1, 2, '3');
    expect(encodeDaySets(sets)).toBe(
      'a\\tb\\\\c\t2026-10-02\t{1}\t{0}\t{1}\t{2}\t{0}\t{1}\t{3}\t{1}\t{0}\t{0}\n',
    );
  });
});
