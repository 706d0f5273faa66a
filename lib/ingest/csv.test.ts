import { describe, expect, it } from 'vitest';
import { csvRecords, splitCsvRecord } from './csv';
import type { RawLine } from './lines';

describe('csv', () => {
  it('splits quoted fields with commas and doubled quotes', () => {
    expect(splitCsvRecord('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });
  it('joins a quoted field spanning lines and keeps the first line number', async () => {
    const src: RawLine[] = ['h1,h2', 'x,"multi', 'line"', 'y,z'].map((t, i) => ({
      no: i + 1,
      text: t,
      head: '',
      bytes: t.length,
    }));
    async function* gen() {
      yield src.slice(0, 2); // the quoted field opens in one group and closes in the next
      yield src.slice(2);
    }
    const out: RawLine[] = [];
    for await (const group of csvRecords(gen(), 100)) out.push(...group);
    expect(out.map((r) => [r.no, r.text])).toEqual([
      [1, 'h1,h2'],
      [2, 'x,"multi\nline"'],
      [4, 'y,z'],
    ]);
    expect(splitCsvRecord(out[1].text ?? '')).toEqual(['x', 'multi\nline']);
  });
});
