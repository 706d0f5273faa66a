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
/** timesketch.ts's message: `account → model: ` and the prompt's first 200 UTF-16 units (+ …). */
const MESSAGE_CHARS = 200;
const MESSAGE_OPEN = Buffer.from('{"message":"');
const ARROW = Buffer.from(' → ');
const COLON = Buffer.from(': ');
const ELLIPSIS = Buffer.from('…');
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

  /** Copies bytes in: short runs (keys, ids, numbers) by hand, as Buffer.copy's call costs more. */
  private put(src: Uint8Array, s: number, e: number) {
    this.room(e - s);
    const o = this.buf;
    let n = this.len;
    if (e - s <= 48) for (let i = s; i < e; i++) o[n++] = src[i];
    else n += (src as Buffer).copy(o, n, s, e);
    this.len = n;
  }

  private lit(b: Buffer) {
    this.put(b, 0, b.length);
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
    this.put(r.buf, s, r.ends[i]);
  }

  /** UTF-8 text as a JSON string, quoted and escaped as JSON.stringify does, byte by byte. */
  private jsonString(src: Buffer, s: number, e: number) {
    this.room(e - s + 2);
    this.buf[this.len++] = 34;
    this.escaped(src, s, e);
    this.buf[this.len++] = 34;
  }

  /** The bytes of a JSON string's body: escaped as JSON.stringify does, without the quotes. */
  private escaped(src: Buffer, s: number, e: number) {
    let i = s;
    while (i < e && ESC[src[i]] === 0) i++;
    this.put(src, s, i);
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
    if (this.asciiMessage(r)) {
      this.text(
        `","datetime":${JSON.stringify(ts)},"timestamp":${JSON.stringify(Date.parse(ts) * 1000)},"timestamp_desc":"API request received","bates":${JSON.stringify(bates)},"event_id":`,
      );
      return this.timesketchTail(r, path);
    }
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
    return this.timesketchTail(r, path);
  }

  /**
   * `{"message":"account → model: prompt` straight from the bytes when the prompt's head is
   * ASCII (then its UTF-16 length is its byte length, so the 200-unit cut is a byte cut) and the
   * model and prompt are there; false (nothing written) otherwise, for timesketchMessage.
   */
  private asciiMessage(r: RawRow): boolean {
    const h = r.starts[HEAD];
    if (h === -1 || r.starts[IDX.model] === -1) return false;
    const he = r.ends[HEAD];
    for (let i = h; i < he; i++) if (r.buf[i] >= 0x80) return false;
    const cut = he - h > MESSAGE_CHARS;
    this.lit(MESSAGE_OPEN);
    this.escaped(r.buf, r.starts[IDX.account_id], r.ends[IDX.account_id]);
    this.lit(ARROW);
    this.escaped(r.buf, r.starts[IDX.model], r.ends[IDX.model]);
    this.lit(COLON);
    this.escaped(r.buf, h, cut ? h + MESSAGE_CHARS : he);
    if (cut) this.lit(ELLIPSIS);
    return true;
  }

  private timesketchTail(r: RawRow, path: string): Buffer {
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
