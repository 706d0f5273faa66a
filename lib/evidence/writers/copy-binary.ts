import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { SET_SCOPE_SQL, setScopeParams, type ResolvedScope } from './event-sql';

// Rows of `COPY (…) TO STDOUT (FORMAT binary)`, left as bytes: every field is a length-prefixed
// slice of the network chunk, with no COPY text escapes to undo and nothing decoded. A row is
// one Buffer plus the [start, end) of each field in it (start -1 for NULL). Only a row split
// across two chunks is copied; the rest are views into the chunk they came in.

/** Field offsets are carved from arrays of this many slots. */
const SLOTS = 64 * 1024;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

export interface RawRow {
  buf: Buffer;
  /** starts[i], ends[i]: field i's bytes in buf; starts[i] === -1 when the field is NULL. */
  starts: Int32Array;
  ends: Int32Array;
}

export class BinaryRows {
  private rest: Buffer | undefined;
  private headerDone = false;
  private slots = new Int32Array(0);
  private used = 0;
  constructor(private readonly fields: number) {}

  /** The complete rows in `chunk` (plus what was left over from the previous chunk). */
  push(chunk: Buffer): RawRow[] {
    const rows: RawRow[] = [];
    let at = 0;
    if (this.rest) {
      // The row split across chunks: join the leftover with just enough of this chunk (not the
      // whole chunk: copying every chunk cost more than parsing it).
      const rest = this.rest;
      this.rest = undefined;
      for (let take = 4096; ; take *= 2) {
        const joined = Buffer.concat([rest, chunk.subarray(0, take)]);
        const end = this.parse(joined, 0, rows, true);
        if (end === -2) return rows; // the trailer
        if (end >= 0) {
          at = end - rest.length;
          break;
        }
        if (take >= chunk.length) {
          this.rest = joined; // still not a whole row (or header): wait for more
          return rows;
        }
      }
    }
    const end = this.parse(chunk, at, rows, false);
    if (end >= 0 && end < chunk.length) this.rest = Buffer.from(chunk.subarray(end));
    return rows;
  }

  /**
   * Parses rows (and the header) from `at`; returns where the unparsed bytes start, or -2 after
   * the trailer. With `one`, stops after the header or the first row, -1 when that is incomplete.
   */
  private parse(buf: Buffer, at: number, rows: RawRow[], one: boolean): number {
    if (!this.headerDone) {
      if (buf.length < at + 19) return one ? -1 : at;
      if (!buf.subarray(at, at + 11).equals(SIGNATURE))
        throw new Error('COPY binary: bad signature');
      const body = at + 19 + buf.readInt32BE(at + 15); // flags, extension length + extension
      if (body > buf.length) return one ? -1 : at;
      this.headerDone = true;
      if (one) return body;
      at = body;
    }
    for (;;) {
      if (at + 2 > buf.length) return one ? -1 : at;
      const n = buf.readInt16BE(at);
      if (n === -1) return -2; // trailer
      if (n !== this.fields) throw new Error(`COPY binary: ${n} fields, expected ${this.fields}`);
      // Views into one shared array (a typed array of its own per row cost an allocation each).
      if (this.slots.length - this.used < 2 * n) {
        this.slots = new Int32Array(SLOTS);
        this.used = 0;
      }
      const starts = this.slots.subarray(this.used, this.used + n);
      const ends = this.slots.subarray(this.used + n, this.used + 2 * n);
      this.used += 2 * n;
      let p = at + 2;
      for (let i = 0; i < n; i++) {
        if (p + 4 > buf.length) return one ? -1 : at;
        const len = (buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3];
        p += 4;
        starts[i] = len === -1 ? -1 : p;
        ends[i] = len === -1 ? -1 : p + len;
        if (len > 0) p += len;
        if (p > buf.length) return one ? -1 : at;
      }
      rows.push({ buf, starts, ends });
      at = p;
      if (one) return at;
    }
  }
}

/** The rows of `sql` (which reads the scope from the dw_evidence.* settings), in batches. */
export async function* copyBinaryRows(
  client: PoolClient,
  scope: ResolvedScope,
  sql: string,
  fields: number,
): AsyncGenerator<RawRow[]> {
  await client.query(SET_SCOPE_SQL, setScopeParams(scope));
  const stream = client.query(
    copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`, { highWaterMark: 2 * 1024 * 1024 }),
  );
  const rows = new BinaryRows(fields);
  try {
    for await (const chunk of stream) {
      const batch = rows.push(chunk as Buffer);
      if (batch.length) yield batch;
    }
  } finally {
    stream.destroy();
  }
}
