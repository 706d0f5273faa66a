import type { StageRow } from './event-row';

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
export function copyValue(v: StageRow[number]): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') {
    return NEEDS_ESCAPE.test(v) ? v.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t') : v;
  }
  return String(v);
}

export function encodeCopy(rows: StageRow[]): string {
  if (!rows.length) return '';
  const out: string[] = new Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    let line = copyValue(r[0]);
    for (let i = 1; i < r.length; i++) line += '\t' + copyValue(r[i]);
    out[j] = line;
  }
  return out.join('\n') + '\n';
}

