import type { NativeFile } from '../types';

// Concordance DAT load file: þ (U+00FE) quotes every field, ¶ (U+00B6) separates fields, CRLF
// ends a record, UTF-8. The first record names the columns. NATIVEPATH is relative to the load
// file (both live in data/). One record per native file: a native is one account's events in
// Bates order, so BEGBATES/ENDBATES are the first and last event of the file.

const Q = '\u00fe';
const D = '\u00b6';

export const DAT_COLUMNS = [
  'BEGBATES',
  'ENDBATES',
  'CUSTODIAN',
  'DATEFROM',
  'DATETO',
  'EVENTCOUNT',
  'NATIVEPATH',
  'FILENAME',
  'FILESIZE',
  'SHA256',
  'UNREDACTED_SHA256',
  'REDACTIONS',
  'CASEID',
] as const;

const field = (v: string | number) => `${Q}${String(v).replace(/[\u00fe\u00b6\r\n]/g, ' ')}${Q}`;
const record = (vs: (string | number)[]) => vs.map(field).join(D) + '\r\n';

export function loadFileText(caseId: string, files: readonly NativeFile[]): string {
  return (
    record([...DAT_COLUMNS]) +
    files
      .map((f) =>
        record([
          f.begBates,
          f.endBates,
          f.custodian,
          f.dateFrom,
          f.dateTo,
          f.events,
          f.path.replace(/^data\//, ''),
          f.path.split('/').pop()!,
          f.bytes,
          f.sha256,
          f.unredactedSha256,
          f.redactions,
          caseId,
        ]),
      )
      .join('')
  );
}

/** Parses a DAT made by loadFileText (tests, verify). */
export function parseLoadFile(text: string): Record<string, string>[] {
  const rows = text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(D).map((f) => f.replace(new RegExp(`^${Q}|${Q}$`, 'g'), '')));
  const [head, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
