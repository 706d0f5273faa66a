import { describe, expect, it } from 'vitest';
import { BinaryRows, type RawRow } from './copy-binary';

// COPY's binary format by hand: signature, flags, header extension, tuples of length-prefixed
// fields (-1 = NULL), the -1 trailer. Every way of cutting the stream into two chunks gives the same rows.
function stream(rows: (string | null)[][]): Buffer {
  const parts = [
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    Buffer.alloc(4),
    int32(2),
    Buffer.from('xx'),
  ];
  for (const r of rows) {
    const n = Buffer.alloc(2);
    n.writeInt16BE(r.length);
    parts.push(n);
    for (const f of r) {
      if (f === null) parts.push(int32(-1));
      else {
        const b = Buffer.from(f);
        parts.push(int32(b.length), b);
      }
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}
function int32(v: number) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v);
  return b;
}
const fields = (r: RawRow) =>
  Array.from(r.starts, (s, i) => (s === -1 ? null : r.buf.toString('utf8', s, r.ends[i])));

describe('BinaryRows', () => {
  const rows = [
    ['"a"', '12', null],
    ['"é ✓"', '', '{"x":1}'],
    [null, null, '"\\n"'],
  ];
  const all = stream(rows);

  it('reads rows whole, in one chunk or cut anywhere in two or three', () => {
    expect(new BinaryRows(3).push(all).map(fields)).toEqual(rows);
    for (let i = 1; i < all.length; i++) {
      const p = new BinaryRows(3);
      const j = Math.min(all.length - 1, i + 7);
      const got = [
        ...p.push(all.subarray(0, i)),
        ...p.push(all.subarray(i, j)),
        ...p.push(all.subarray(j)),
      ];
      expect(got.map(fields), `cut at ${i}, ${j}`).toEqual(rows);
    }
  });

  it('joins a row larger than the first look-ahead, cut in many pieces', () => {
    const big = [
      ['"a"', 'x'.repeat(200_000), null],
      ['"b"', '1', '2'],
    ];
    const bytes = stream(big);
    const p = new BinaryRows(3);
    const got: RawRow[] = [];
    for (let i = 0; i < bytes.length; i += 30_000)
      got.push(...p.push(bytes.subarray(i, i + 30_000)));
    expect(got.map(fields)).toEqual(big);
  });

  it('names a bad signature and a wrong field count', () => {
    expect(() => new BinaryRows(3).push(Buffer.alloc(40))).toThrow(/signature/);
    expect(() => new BinaryRows(2).push(all)).toThrow(/3 fields, expected 2/);
  });
});
