import type { RawLine } from './lines';

/** Splits one CSV record (RFC 4180: quoted fields may hold commas, "" and line breaks). */
export function splitCsvRecord(text: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

const quotes = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
};

/**
 * Joins physical lines into CSV records (a quoted field may span lines). A record keeps the
 * number of its first line; one over the length limit comes out with text null. Lines come and
 * records go in groups (splitLineGroups); a record still open waits for the next group.
 */
export async function* csvRecords(
  groups: AsyncIterable<RawLine[]>,
  maxBytes: number,
): AsyncGenerator<RawLine[]> {
  let acc = null as RawLine | null;
  let open = false;
  for await (const lines of groups) {
    const out: RawLine[] = [];
    for (const l of lines) {
      if (acc && open) {
        if (acc.text === null || l.text === null || acc.bytes + l.bytes > maxBytes) {
          acc = {
            no: acc.no,
            text: null,
            head: acc.head || (acc.text ?? '').slice(0, 4096),
            bytes: acc.bytes + l.bytes,
          };
          if (l.text !== null && quotes(l.text) % 2 === 1) open = false;
        } else {
          acc = {
            no: acc.no,
            text: `${acc.text}\n${l.text}`,
            head: '',
            bytes: acc.bytes + l.bytes + 1,
          };
          if (quotes(l.text) % 2 === 1) open = false;
        }
        if (!open) {
          out.push(acc);
          acc = null;
        }
        continue;
      }
      if (l.text !== null && quotes(l.text) % 2 === 1) {
        acc = l;
        open = true;
        continue;
      }
      out.push(l);
    }
    if (out.length) yield out;
  }
  if (acc) yield [acc];
}
