import { slices, type Arena } from './arena';
import type { StageRow } from './event-row';
import { float4Of } from './float4';
import { inetBytes } from './inet-binary';

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

/** UTF-8 of s at p; short ASCII strings (ids, models, keys) byte by byte, cheaper than the native call. */
function writeText(buf: Buffer, s: string, p: number): number {
  const n = s.length;
  if (n > 32) return buf.write(s, p);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return buf.write(s, p);
    buf[p + i] = c;
  }
  return n;
}

/** Appends one row: the field count, then each field's length (-1 for NULL) and bytes. */
export function putBinaryRow(a: Arena, row: StageRow, types: readonly WireType[]): void {
  const n = row.length;
  let need = 2 + n * 12 + 16; // per field: length + the widest fixed value; inet's 20 bytes
  for (let i = 0; i < n; i++) {
    const v = row[i];
    if (typeof v === 'string') need += v.length * 3 + 1; // UTF-16 units as ≤ 3 UTF-8 bytes; jsonb's version
  }
  grow(a, need);
  const buf = a.buf;
  let p = a.len;
  buf.writeInt16BE(n, p);
  p += 2;
  for (let i = 0; i < n; i++) {
    const v = row[i];
    if (v === null) {
      buf.writeInt32BE(-1, p);
      p += 4;
      continue;
    }
    switch (types[i]) {
      case 'text': {
        const len = writeText(buf, v as string, p + 4);
        buf.writeInt32BE(len, p);
        p += 4 + len;
        break;
      }
      case 'jsonb': {
        buf[p + 4] = 1; // jsonb's binary format: a version byte, then the JSON text
        const len = buf.write(v as string, p + 5) + 1;
        buf.writeInt32BE(len, p);
        p += 4 + len;
        break;
      }
      case 'ts': {
        const us = (Date.parse(v as string) - PG_EPOCH_MS) * 1000; // < 2^53: exact
        const hi = Math.floor(us / TWO32);
        buf.writeInt32BE(8, p);
        buf.writeInt32BE(hi, p + 4);
        buf.writeUInt32BE(us - hi * TWO32, p + 8);
        p += 12;
        break;
      }
      case 'int8': {
        buf.writeInt32BE(8, p);
        buf.writeBigInt64BE(BigInt(v as string), p + 4);
        p += 12;
        break;
      }
      case 'int4':
        buf.writeInt32BE(4, p);
        buf.writeInt32BE(v as number, p + 4);
        p += 8;
        break;
      case 'int2':
        buf.writeInt32BE(2, p);
        buf.writeInt16BE(v as number, p + 4);
        p += 6;
        break;
      case 'float4':
        buf.writeInt32BE(4, p);
        buf.writeFloatBE(float4Of(v as number), p + 4);
        p += 8;
        break;
      case 'bool':
        buf.writeInt32BE(1, p);
        buf[p + 4] = v ? 1 : 0;
        p += 5;
        break;
      case 'inet': {
        const len = inetBytes(v as string, buf, p + 4);
        buf.writeInt32BE(len, p);
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
