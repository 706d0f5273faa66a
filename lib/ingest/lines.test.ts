import { describe, expect, it } from 'vitest';
import { splitLines, type RawLine } from './lines';
import { splitLinesV1 } from '@/tests/reference/lines-v1';

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
  it('gives exactly what the per-line decoder (reference-v1-lines) gave, for any bytes and chunking', async () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const alphabet = [
      Buffer.from('a'),
      Buffer.from('\n'),
      Buffer.from('\r'),
      Buffer.from('é'),
      Buffer.from('€'),
      Buffer.from('😀'),
      Buffer.from([0xe2]),
      Buffer.from([0x82]),
      Buffer.from([0xff]),
      Buffer.from('xyz '),
      Buffer.from('\r\n'),
    ];
    async function* gen(b: Buffer, cuts: number[]) {
      let o = 0;
      for (const c of cuts) {
        yield b.subarray(o, c);
        o = c;
      }
      yield b.subarray(o);
    }
    const run = async (
      f: typeof splitLines,
      b: Buffer,
      cuts: number[],
      max: number,
      head: number,
    ) => {
      const out: RawLine[] = [];
      for await (const l of f(gen(b, cuts), max, head)) out.push(l);
      return out;
    };
    for (let t = 0; t < 400; t++) {
      const parts: Buffer[] = [];
      for (let k = rnd(300); k > 0; k--) parts.push(alphabet[rnd(alphabet.length)]);
      const b = Buffer.concat(parts);
      const cuts = [...new Set(Array.from({ length: rnd(6) }, () => rnd(b.length + 1)))].sort(
        (x, y) => x - y,
      );
      const max = 1 + rnd(40);
      const head = 1 + rnd(8);
      expect(await run(splitLines, b, cuts, max, head)).toEqual(
        await run(splitLinesV1, b, cuts, max, head),
      );
    }
  });
});
