import { EVENT_COLUMNS, type EventRow } from './event-sql';
import type { RawRow } from './copy-binary';
import { timesketchMessage } from './timesketch';

// Assembles the native and Timesketch lines of a row that needs no redaction from its COPY
// binary fields (native-bytes.ts), into one reused buffer. Key order and spelling match
// native-line.ts's record() and timesketch.ts's object literal exactly.

const IDX = Object.fromEntries(EVENT_COLUMNS.map(([n], i) => [n, i])) as Record<
  keyof EventRow,
  number
>;
const HEAD = EVENT_COLUMNS.length;
const NATIVE_KEYS = EVENT_COLUMNS.map(([n]) => Buffer.from(`,"${n}":`));
const TIMESKETCH_FIELDS: (keyof EventRow)[] = [
  'model',
  'api_key_id',
  'ip',
  'asn',
  'country',
  'user_agent',
  'conversation_id',
  'turn',
  'input_tokens',
  'output_tokens',
  'finish_reason',
  'prompt_sha256',
];
const TS_KEYS = TIMESKETCH_FIELDS.map((n) => [IDX[n], Buffer.from(`,"${n}":`)] as const);
const NULL = Buffer.from('null');
const ACCOUNT_KEY = Buffer.from(',"account_id":');
/** 0: bytes as sent; 1: a float (formatted as JavaScript does); 2: jsonb (re-serialised); 3: text (a JSON string). */
const FORM = EVENT_COLUMNS.map(([n, kind]) =>
  n === 'temperature' ? 1 : n === 'extra' ? 2 : kind === 'text' ? 3 : 0,
);

/** A text field as a string (null for SQL NULL). */
const textAt = (r: RawRow, i: number) =>
  r.starts[i] === -1 ? null : r.buf.toString('utf8', r.starts[i], r.ends[i]);

/** Bytes JSON.stringify escapes in a string: controls, '"' and '\\'; 0 for the rest. */
const ESC = new Uint8Array(256);
for (let c = 0; c < 32; c++) ESC[c] = 1;
ESC[34] = 1;
ESC[92] = 1;
const SHORT: Record<number, string> = {
  8: 'b',
  9: 't',
  10: 'n',
  12: 'f',
  13: 'r',
  34: '"',
  92: '\\',
};
const HEX = '0123456789abcdef';

export class LineBytes {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private len = 0;

  private room(n: number) {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  private lit(b: Buffer) {
    this.room(b.length);
    this.len += b.copy(this.buf, this.len);
  }

  private text(s: string) {
    this.room(3 * s.length);
    this.len += this.buf.write(s, this.len);
  }

  private field(r: RawRow, i: number) {
    const s = r.starts[i];
    if (s === -1) return this.lit(NULL);
    const form = FORM[i];
    if (form === 1)
      return this.text(JSON.stringify(Number(r.buf.toString('latin1', s, r.ends[i]))));
    if (form === 2)
      return this.text(JSON.stringify(JSON.parse(r.buf.toString('utf8', s, r.ends[i]))));
    if (form === 3) return this.jsonString(r.buf, s, r.ends[i]);
    this.room(r.ends[i] - s);
    this.len += r.buf.copy(this.buf, this.len, s, r.ends[i]);
  }

  /** UTF-8 text as a JSON string, quoted and escaped as JSON.stringify does, byte by byte. */
  private jsonString(src: Buffer, s: number, e: number) {
    let i = s;
    while (i < e && ESC[src[i]] === 0) i++;
    this.room(e - s + 2);
    const out = this.buf;
    out[this.len++] = 34;
    this.len += src.copy(out, this.len, s, i);
    if (i < e) {
      this.room(6 * (e - i) + 1);
      const o = this.buf;
      let n = this.len;
      for (; i < e; i++) {
        const c = src[i];
        if (ESC[c] === 0) o[n++] = c;
        else {
          o[n++] = 92;
          const short = SHORT[c];
          if (short) o[n++] = short.charCodeAt(0);
          else {
            o[n++] = 117; // \u00XX
            o[n++] = 48;
            o[n++] = 48;
            o[n++] = HEX.charCodeAt(c >> 4);
            o[n++] = HEX.charCodeAt(c & 15);
          }
        }
      }
      this.len = n;
    }
    this.buf[this.len++] = 34;
  }

  /** The native line (with its newline); valid until the next call. */
  native(r: RawRow, bates: string): Buffer {
    this.len = 0;
    this.text(`{"bates":${JSON.stringify(bates)}`);
    for (let i = 0; i < HEAD; i++) {
      this.lit(NATIVE_KEYS[i]);
      this.field(r, i);
    }
    this.text('}\n');
    return this.buf.subarray(0, this.len);
  }

  /** The Timesketch line (with its newline); valid until the next call (the side file copies it). */
  timesketch(r: RawRow, bates: string, path: string, account: string, ts: string): Buffer {
    this.len = 0;
    const head =
      r.starts[HEAD] === -1 ? null : r.buf.toString('utf8', r.starts[HEAD], r.ends[HEAD]);
    const what = timesketchMessage(
      account,
      textAt(r, IDX.model),
      'full',
      head,
      textAt(r, IDX.prompt_sha256),
    );
    this.text(
      `{"message":${JSON.stringify(what)},"datetime":${JSON.stringify(ts)},"timestamp":${JSON.stringify(Date.parse(ts) * 1000)},"timestamp_desc":"API request received","bates":${JSON.stringify(bates)},"event_id":`,
    );
    this.field(r, IDX.id);
    this.lit(ACCOUNT_KEY);
    this.field(r, IDX.account_id);
    for (const [i, key] of TS_KEYS) {
      this.lit(key);
      this.field(r, i);
    }
    this.text(`,"native_path":${JSON.stringify(path)}}\n`);
    return this.buf.subarray(0, this.len);
  }
}
