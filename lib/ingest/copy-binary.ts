import { slices, type Arena } from './arena';
import type { StageRow, StageValue } from './event-row';
import { inetBytes } from './inet-binary';
import { parseTimestamp } from './timestamp';
import { float4Into, i32, int8Into, writeText } from './wire-bytes';

/**
 * Event rows in COPY's binary format (`COPY … FROM STDIN (FORMAT binary)`): each field as its
 * length and the type's own wire bytes, so the server reads them without parsing text (the text
 * rows' parsing was over a quarter of the backends' CPU, docs/performance.md#ingest). The column
 * types are those of `events` (EVENT_ROW_COLUMNS order); a value arrives already validated (ints
 * in int4 range, temperature finite, ip a valid address), as the text encoder gets it.
 */
export type WireType =
  'text' | 'ts' | 'inet' | 'int2' | 'int4' | 'int8' | 'float4' | 'bool' | 'jsonb';

const TYPES: Record<string, WireType> = {
  ts: 'ts',
  ip: 'inet',
  asn: 'int4',
  turn: 'int4',
  input_tokens: 'int4',
  output_tokens: 'int4',
  max_tokens: 'int4',
  status: 'int4',
  temperature: 'float4',
  thinking: 'bool',
  extra: 'jsonb',
  simhash: 'int8',
  run_id: 'int8',
  tax_bucket: 'int2',
  lsh_bucket: 'int2',
  reasoning: 'bool',
  single_turn: 'bool',
};
export const wireTypes = (columns: readonly string[]): WireType[] =>
  columns.map((c) => TYPES[c] ?? 'text');

/** The stream's header (signature, flags, no extension) and trailer (field count -1). */
export const BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

// Postgres timestamps count microseconds from 2000-01-01 UTC.
export const PG_EPOCH_MS = 946_684_800_000;
export const TWO32 = 4294967296;

function grow(a: Arena, need: number): void {
  if (a.len + need <= a.buf.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(a.buf.length * 2, a.len + need));
  a.buf.copy(bigger, 0, 0, a.len);
  a.buf = bigger;
}

// Wire types as small integers: the encoder's switch then compares numbers, not strings.
const CODE: Record<WireType, number> = {
  text: 0,
  jsonb: 1,
  ts: 2,
  int8: 3,
  int4: 4,
  int2: 5,
  float4: 6,
  bool: 7,
  inet: 8,
};
/** The encoder's plan for a kind of row: which cell each field takes, and its wire type. */
export interface FieldPlan {
  /** the row index of each field's value; -1 = the `tail` value given to putBinaryFields */
  at: Int32Array;
  codes: Uint8Array;
}
export const fieldPlan = (at: readonly number[], types: readonly WireType[]): FieldPlan => ({
  at: Int32Array.from(at),
  codes: Uint8Array.from(types, (t) => CODE[t]),
});

/** Appends one row: the field count, then each field's length (-1 for NULL) and bytes. */
export function putBinaryRow(a: Arena, row: StageRow, types: readonly WireType[]): void {
  let plan = plans.get(types);
  if (!plan || plan.at.length !== row.length) {
    plan = fieldPlan(
      row.map((_, i) => i),
      types,
    );
    plans.set(types, plan);
  }
  putBinaryFields(a, row, plan, null);
}
const plans = new WeakMap<readonly WireType[], FieldPlan>();

/**
 * Appends one row made of the cells `plan.at` of `row` (a -1 takes `tail`): the field count, then
 * each field's length (-1 for NULL) and bytes. Picking the cells here saves the lanes an array per
 * row for each of the two rows (body and slim) an event is written as.
 */
export function putBinaryFields(a: Arena, row: StageRow, plan: FieldPlan, tail: StageValue): void {
  const { at, codes } = plan;
  const n = at.length;
  let need = 2 + n * 12 + 16; // per field: length + the widest fixed value; inet's 20 bytes
  for (let i = 0; i < n; i++) {
    const v = at[i] < 0 ? tail : row[at[i]];
    if (typeof v === 'string') need += v.length * 3 + 1; // UTF-16 units as ≤ 3 UTF-8 bytes; jsonb's version
  }
  grow(a, need);
  const buf = a.buf;
  let p = a.len;
  buf[p] = n >>> 8;
  buf[p + 1] = n;
  p += 2;
  for (let i = 0; i < n; i++) {
    const v = at[i] < 0 ? tail : row[at[i]];
    if (v === null) {
      i32(buf, p, -1);
      p += 4;
      continue;
    }
    switch (codes[i]) {
      case 0: {
        const len = writeText(buf, v as string, p + 4);
        i32(buf, p, len);
        p += 4 + len;
        break;
      }
      case 1: {
        buf[p + 4] = 1; // jsonb's binary format: a version byte, then the JSON text
        const len = buf.write(v as string, p + 5) + 1;
        i32(buf, p, len);
        p += 4 + len;
        break;
      }
      case 2: {
        const text = v as string;
        const us = ((parseTimestamp(text) ?? Date.parse(text)) - PG_EPOCH_MS) * 1000; // < 2^53: exact
        const hi = Math.floor(us / TWO32);
        i32(buf, p, 8);
        i32(buf, p + 4, hi);
        i32(buf, p + 8, us - hi * TWO32);
        p += 12;
        break;
      }
      case 3:
        i32(buf, p, 8);
        int8Into(buf, p + 4, v as string);
        p += 12;
        break;
      case 4:
        i32(buf, p, 4);
        i32(buf, p + 4, v as number);
        p += 8;
        break;
      case 5:
        i32(buf, p, 2);
        buf[p + 4] = (v as number) >>> 8;
        buf[p + 5] = v as number;
        p += 6;
        break;
      case 6:
        i32(buf, p, 4);
        float4Into(buf, p + 4, v as number);
        p += 8;
        break;
      case 7:
        i32(buf, p, 1);
        buf[p + 4] = v ? 1 : 0;
        p += 5;
        break;
      case 8: {
        const len = inetBytes(v as string, buf, p + 4);
        i32(buf, p, len);
        p += 4 + len;
        break;
      }
    }
  }
  a.len = p;
  a.ends.push(p);
  a.rows++;
}

/** A batch's rows as one binary COPY stream: header, the rows in slices, trailer. */
export function* binaryChunks(a: Arena): Generator<Buffer> {
  yield BINARY_HEADER;
  yield* slices(a);
  yield BINARY_TRAILER;
}
