import { describe, expect, it } from 'vitest';
import { splitLines, type RawLine } from './lines';

async function collect(chunks: string[], max = 10): Promise<RawLine[]> {
  async function* gen() {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: RawLine[] = [];
  for await (const l of splitLines(gen(), max, 4)) out.push(l);
  return out;
}

describe('splitLines', () => {
  it('splits across chunks, strips CR, keeps the last unterminated line', async () => {
    const l = await collect(['ab', 'c\r\nde', 'f\n\ngh']);
    expect(l.map((x) => x.text)).toEqual(['abc', 'def', '', 'gh']);
    expect(l.map((x) => x.no)).toEqual([1, 2, 3, 4]);
  });
  it('reports an over-long line with its head and keeps counting', async () => {
    const l = await collect(['0123456', '789abcdef', 'ghij\nok\n0123456789abcdef']);
    expect(l[0]).toMatchObject({ no: 1, text: null, head: '0123', bytes: 20 });
    expect(l[1]).toMatchObject({ no: 2, text: 'ok' });
    expect(l[2]).toMatchObject({ no: 3, text: null, head: '0123' });
  });
  it('keeps a multi-byte character split between chunks', async () => {
    const b = Buffer.from('é\n');
    async function* gen() {
      yield b.subarray(0, 1);
      yield b.subarray(1);
    }
    const out: string[] = [];
    for await (const x of splitLines(gen(), 10)) out.push(x.text ?? '');
    expect(out).toEqual(['é']);
  });
});
