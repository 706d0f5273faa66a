import { mayHoldRedactionBytes } from '../redact/precheck-bytes';
import { EVENT_COLUMNS, type EventRow } from './event-sql';
import type { RawRow } from './copy-binary';

// The native and Timesketch lines of a row straight from COPY's binary fields, as bytes: text
// columns arrive as their raw UTF-8, and a line is constant key bytes and field bytes copied one
// after another, each text quoted and escaped on the bytes exactly as JSON.stringify does (",
// \, \b \f \n \r \t, other controls as lowercase \u00XX, everything else as it is; see
// line-bytes.ts), so no row is decoded, parsed or stringified in JavaScript. (Until 2026-11-30
// Postgres escaped them with to_json: the same bytes, at twice the backend CPU of the plain COPY.)
// The cursor reader's bytes check this in the integration test. Rows that may need a redaction,
// and the float and jsonb columns, go through the JavaScript path (toEventRow + nativeLine),
// which stays the reference.

type Kind = 'json' | 'raw' | 'float' | 'jsonb';
const KIND: Partial<Record<keyof EventRow, Kind>> = {
  asn: 'raw',
  turn: 'raw',
  input_tokens: 'raw',
  output_tokens: 'raw',
  max_tokens: 'raw',
  status: 'raw',
  thinking: 'raw',
  temperature: 'float',
  extra: 'jsonb',
};
const kindOf = (n: keyof EventRow): Kind => KIND[n] ?? 'json';

/** The fast path's select list: EVENT_COLUMNS in order, then the prompt's first 201 characters. */
export const FAST_COLUMNS = [
  ...EVENT_COLUMNS.map(([n, , e]) =>
    kindOf(n) === 'json' ? (e ? `${e} AS ${n}` : n) : `(${e ?? n})::text AS ${n}`,
  ),
  'left(prompt, 201) AS prompt_head',
];
const IDX = Object.fromEntries(EVENT_COLUMNS.map(([n], i) => [n, i])) as Record<
  keyof EventRow,
  number
>;
const TEXTS = [IDX.system_prompt, IDX.prompt, IDX.response];

const str = (r: RawRow, i: number) => r.buf.toString('utf8', r.starts[i], r.ends[i]);
/** A field as a JavaScript value (null for SQL NULL). */
function value(r: RawRow, i: number, k: Kind): unknown {
  if (r.starts[i] === -1) return null;
  const s = str(r, i);
  if (k === 'json') return s;
  if (k === 'jsonb') return JSON.parse(s);
  if (k === 'float') return Number(s);
  return s === 'true' ? true : s === 'false' ? false : Number(s);
}

/** The row as the JavaScript path reads it (the cursor and COPY text readers give the same). */
export function toEventRow(r: RawRow): EventRow {
  const row: Record<string, unknown> = {};
  EVENT_COLUMNS.forEach(([n], i) => (row[n] = value(r, i, kindOf(n))));
  return row as unknown as EventRow;
}

/** Whether a redaction could apply: tested on the text's bytes (see precheck-bytes.ts). */
export function mayRedact(r: RawRow): boolean {
  for (const i of TEXTS)
    if (r.starts[i] !== -1 && mayHoldRedactionBytes(r.buf, r.starts[i], r.ends[i])) return true;
  return false;
}

export const rowId = (r: RawRow) => str(r, IDX.id);
export const rowTs = (r: RawRow) => str(r, IDX.ts);
export const rowAccount = (r: RawRow) => str(r, IDX.account_id);
