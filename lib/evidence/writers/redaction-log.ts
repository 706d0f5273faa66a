import type { RedactionKind } from '../redact/redact';
import { csvRow } from './csv';
import type { FieldRedaction } from './native-line';
import type { TextSink } from './text-sink';

// data/redaction-log.csv: one row per redaction (file, line, Bates number, event, field, kind,
// offset, length, replacement, and the SHA-256 of the whole original field, so the unredacted
// text stays verifiable). Rows go to a side file during the natives pass (see text-sink.ts).

export const REDACTION_LOG_HEADER = csvRow([
  'file',
  'line',
  'bates',
  'event_id',
  'field',
  'kind',
  'offset',
  'length',
  'replacement',
  'original_field_sha256',
]);

/** Where a native line sits: its file, its line number there (from 1), its Bates number. */
export interface LinePlace {
  path: string;
  line: number;
  bates: string;
  eventId: string;
}

/** Logs a line's redactions and counts them by kind; waits only when the side file is behind. */
export async function logRedactions(
  log: TextSink,
  at: LinePlace,
  redactions: FieldRedaction[],
  byKind: Partial<Record<RedactionKind, number>>,
): Promise<void> {
  for (const r of redactions) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    const row = [at.path, at.line, at.bates, at.eventId, r.field, r.kind, r.offset, r.length];
    const wait = log.write(csvRow([...row, r.replacement, r.originalSha256]));
    if (wait) await wait;
  }
}
