/** One physical line. `text` is null when the line was longer than the limit (then `head` holds its start). */
export interface RawLine {
  no: number;
  text: string | null;
  head: string;
  bytes: number;
}

const NL = 0x0a;
const EMPTY = Buffer.alloc(0);

/**
 * Splits a byte stream into lines (LF or CRLF) without ever holding more than `maxBytes` of one
 * line: a longer line is skipped to its end and reported with only its first `headBytes`.
 * Only whole lines are decoded, so a multi-byte character split across chunks stays intact.
 */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  headBytes = 4096,
): AsyncGenerator<RawLine> {
  for await (const group of splitLineGroups(chunks, maxBytes, headBytes)) yield* group;
}

/**
 * splitLines, a chunk at a time: the lines each chunk completes, as one array. The ingest iterates
 * these synchronously: one await per chunk instead of one per line (an async generator's step is
 * a promise and a microtask).
 */
export async function* splitLineGroups(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  headBytes = 4096,
): AsyncGenerator<RawLine[]> {
  let parts: Buffer[] = [];
  let partLen = 0;
  let tooLong = false;
  let tooLongBytes = 0;
  let head = '';
  let no = 0;
  const emit = (last: Buffer): RawLine => {
    no++;
    if (tooLong) {
      const line = { no, text: null, head, bytes: tooLongBytes };
      tooLong = false;
      tooLongBytes = 0;
      return line;
    }
    let buf = partLen ? Buffer.concat([...parts, last]) : last;
    parts = [];
    partLen = 0;
    if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    return { no, text: buf.toString('utf8'), head: '', bytes: buf.length };
  };
  const overflow = () => {
    const all = Buffer.concat(parts);
    head = all.subarray(0, headBytes).toString('utf8');
    tooLong = true;
    tooLongBytes = all.length;
    parts = [];
    partLen = 0;
  };
  for await (const chunk of chunks) {
    const out: RawLine[] = [];
    let start = 0;
    while (tooLong || partLen) {
      // the line begun in an earlier chunk: bytes collected, then decoded whole
      const i = chunk.indexOf(NL, start);
      if (i < 0) break;
      const piece = chunk.subarray(start, i);
      if (tooLong) tooLongBytes += piece.length;
      else if (partLen + piece.length > maxBytes) {
        parts.push(piece);
        overflow();
      }
      out.push(emit(tooLong ? EMPTY : piece));
      start = i + 1;
    }
    for (;;) {
      // a whole line inside this chunk: decoded straight from the chunk (no Buffer per line)
      const j = chunk.indexOf(NL, start);
      if (j < 0) break;
      const bytes = j - start;
      no++;
      if (bytes > maxBytes)
        out.push({
          no,
          text: null,
          head: chunk.toString('utf8', start, start + Math.min(bytes, headBytes)),
          bytes,
        });
      else {
        const end = bytes && chunk[j - 1] === 0x0d ? j - 1 : j;
        out.push({ no, text: chunk.toString('utf8', start, end), head: '', bytes: end - start });
      }
      start = j + 1;
    }
    const rest = chunk.subarray(start);
    if (tooLong) tooLongBytes += rest.length;
    else if (rest.length) {
      parts.push(Buffer.from(rest)); // copy: the chunk buffer may be reused by the reader
      partLen += rest.length;
      if (partLen > maxBytes) overflow();
    }
    if (out.length) yield out;
  }
  if (tooLong || partLen) yield [emit(EMPTY)];
}
