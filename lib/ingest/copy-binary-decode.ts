import type { Arena } from './arena';
import { PG_EPOCH_MS, TWO32, type WireType } from './copy-binary';
import type { StageRow } from './event-row';
import { inetText } from './inet-binary';

/**
 * The one row of an arena back as the text encoder's cells (for the quarantine of a row the
 * database refused, bisect.ts): text as is, numbers and booleans as their text, timestamps in
 * ISO form, a real as its shortest decimal, an address in Postgres's own output form.
 */
export function decodeBinaryRow(a: Arena, types: readonly WireType[]): StageRow {
  const buf = a.buf;
  const n = buf.readInt16BE(0);
  const row: StageRow = [];
  let p = 2;
  for (let i = 0; i < n; i++) {
    const len = buf.readInt32BE(p);
    p += 4;
    if (len < 0) {
      row.push(null);
      continue;
    }
    row.push(cellOf(buf.subarray(p, p + len), types[i]));
    p += len;
  }
  return row;
}

function cellOf(b: Buffer, type: WireType): string {
  switch (type) {
    case 'text':
      return b.toString('utf8');
    case 'jsonb':
      return b.toString('utf8', 1);
    case 'ts':
      return new Date(
        (b.readInt32BE(0) * TWO32 + b.readUInt32BE(4)) / 1000 + PG_EPOCH_MS,
      ).toISOString();
    case 'int8':
      return b.readBigInt64BE(0).toString();
    case 'int4':
      return String(b.readInt32BE(0));
    case 'int2':
      return String(b.readInt16BE(0));
    case 'bool':
      return b[0] ? 'true' : 'false';
    case 'float4': {
      const f = b.readFloatBE(0);
      for (let digits = 1; digits < 9; digits++) {
        const s = String(Number(f.toPrecision(digits)));
        if (Math.fround(Number(s)) === f) return s;
      }
      return String(f);
    }
    case 'inet':
      return inetText(b);
  }
}
