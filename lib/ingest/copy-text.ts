import type { StageRow } from './event-row';

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const escape = (v: string): string =>
  v
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');

/**
 * One row as one line of COPY text, '\n' included: encodeCopy([r]) without the array.
 * `'' + v` is String(v) for numbers without the call.
 */
export function encodeCopyRow(r: StageRow): string {
  const last = r.length - 1;
  let line = '';
  for (let i = 0; i <= last; i++) {
    const v = r[i];
    const s =
      v === null
        ? '\\N'
        : typeof v === 'string'
          ? NEEDS_ESCAPE.test(v)
            ? escape(v)
            : v
          : typeof v === 'number'
            ? '' + v
            : v
              ? 'true'
              : 'false';
    line += i === last ? s + '\n' : s + '\t';
  }
  return line;
}

export function encodeCopy(rows: StageRow[]): string {
  let out = '';
  for (let j = 0; j < rows.length; j++) out += encodeCopyRow(rows[j]);
  return out;
}
