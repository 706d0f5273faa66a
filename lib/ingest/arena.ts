/**
 * A growable byte buffer that batches COPY text in place: each row's encoded line is written once,
 * as UTF-8, at the end of one large Buffer, and the COPY later sends slices of it. Per row that is
 * one memcpy-like write instead of a Buffer object per row (a measurable share of the JS side:
 * docs/performance.md), and a batch in flight is one allocation outside the JS heap.
 * Arenas are recycled by the lanes: a batch of prompts is megabytes, not worth reallocating.
 */
export interface Arena {
  buf: Buffer;
  len: number;
  rows: number;
  /** where each row ends (so a failed batch can be split, bisect.ts) */
  ends: number[];
}

export const newArena = (bytes = 1 << 20): Arena => ({
  buf: Buffer.allocUnsafe(bytes),
  len: 0,
  rows: 0,
  ends: [],
});

/** Appends one encoded row (one or more complete COPY lines). */
export function put(a: Arena, text: string): void {
  // UTF-16 code units become at most 3 bytes of UTF-8
  if (a.len + text.length * 3 > a.buf.length) {
    const bigger = Buffer.allocUnsafe(Math.max(a.buf.length * 2, a.len + text.length * 3));
    a.buf.copy(bigger, 0, 0, a.len);
    a.buf = bigger;
  }
  a.len += a.buf.write(text, a.len, 'utf8');
  a.ends.push(a.len);
  a.rows++;
}

export function reset(a: Arena): Arena {
  a.len = 0;
  a.rows = 0;
  a.ends.length = 0;
  return a;
}

/** Rows [from, to) of an arena, as a view on its bytes (valid until the arena is reused). */
export function subArena(a: Arena, from: number, to: number): Arena {
  if (!a.rows) return { buf: a.buf.subarray(0, 0), len: 0, rows: 0, ends: [] }; // rows kept as values
  const start = from ? a.ends[from - 1] : 0;
  const end = to ? a.ends[to - 1] : 0;
  return {
    buf: a.buf.subarray(start, end),
    len: end - start,
    rows: to - from,
    ends: a.ends.slice(from, to).map((e) => e - start),
  };
}

/** The arena's bytes in slices of `size` (COPY data may be split anywhere, even inside a line). */
export function* slices(a: Arena, size = 1 << 19): Generator<Buffer> {
  for (let start = 0; start < a.len; start += size)
    yield a.buf.subarray(start, Math.min(a.len, start + size));
}
