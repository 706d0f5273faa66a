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
 * One row as one line of COPY text, '\n' included: encodeCopy([row]) without the array.
 * `'' + value` is String(value) for numbers without the call.
 */
export function encodeCopyRow(row: StageRow): string {
  const last = row.length - 1;
  let line = '';
  for (let i = 0; i <= last; i++) {
    const value = row[i];
    const cell =
      value === null
        ? '\\N'
        : typeof value === 'string'
          ? NEEDS_ESCAPE.test(value)
            ? escape(value)
            : value
          : typeof value === 'number'
            ? '' + value
            : value
              ? 'true'
              : 'false';
    line += i === last ? cell + '\n' : cell + '\t';
  }
  return line;
}

export function encodeCopy(rows: StageRow[]): string {
  let out = '';
  for (let j = 0; j < rows.length; j++) out += encodeCopyRow(rows[j]);
  return out;
}
