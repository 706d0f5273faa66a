import { toAccountRow } from './account-row';
import { reject } from './quarantine';
import { splitCsvRecord } from './csv';
import { toEventRow, type RowResult } from './event-row';
import { hashModeRaw, hashModeReason } from './hash-mode';
import { addRow, batchRows, laneOf, type Lane } from './lanes';
import type { RawLine } from './lines';
import { parseCsvLine, parseJsonLine } from './record';
import type { FieldKind } from './schemas';
import { IngestInputError, type IngestKind, type InputFormat, type LineError } from './types';

export const REQUIRED: Record<IngestKind, string[]> = {
  events: ['id', 'ts', 'account_id', 'model'],
  accounts: ['account_id'],
};

export interface FeedContext {
  kind: IngestKind;
  format: InputFormat;
  known: Record<string, FieldKind>;
  hashOnly: boolean;
  maxLine: number;
  /** a lane's batch is sent at this many rows, or at this many bytes of input text */
  batchSize: number;
  batchBytes: number;
  lanes: Lane[];
  /** index of account_id in a staged row (the lane key) */
  keyAt: number;
  errors: LineError[];
  send: (lane: Lane) => Promise<void>;
  /** told the number of every line read */
  read: (lineNo: number) => void;
}

/**
 * Every record of the input into the lanes' batches: the CSV header checked, blank lines
 * skipped, each line parsed and validated (rejected lines are quarantined by lane 0, valid rows go
 * to the lane of their account), and a batch sent when it reaches its rows or its bytes.
 */
export async function feed(records: AsyncIterable<RawLine[]>, c: FeedContext): Promise<void> {
  const { lanes, kind } = c;
  let seen = 0;
  let header: string[] | null = null;
  for await (const group of records)
    for (const l of group) {
      c.read(l.no);
      if (c.format === 'csv' && !header) {
        header = splitCsvRecord((l.text ?? '').replace(/^\uFEFF/, '')).map((h) => h.trim());
        const missing = REQUIRED[kind].filter((col) => !header?.includes(col));
        if (missing.length)
          throw new IngestInputError(
            'bad_header',
            `CSV header lacks required column(s): ${missing.join(', ')}`,
          );
        continue;
      }
      // blank lines are not records (trim only when the line starts with white space: it copies)
      if (
        l.text !== null &&
        (l.text.length === 0 || (l.text.charCodeAt(0) <= 32 && l.text.trim() === ''))
      )
        continue;
      // Let the event loop run now and then, so the in-flight batches' round trips to the database
      // progress while this loop parses (for await over buffered lines alone never yields to I/O).
      if ((++seen & 63) === 0) await new Promise<void>((r) => setImmediate(r));
      let lane = lanes[0]; // rejected lines are quarantined by lane 0
      if (l.text === null)
        reject(
          lane.batch,
          c.errors,
          c.hashOnly ? hashModeRaw(l.head, c.known) : l.head,
          l.no,
          undefined,
          `line ${l.no}: longer than ${c.maxLine} bytes (${l.bytes} bytes)`,
          true,
        );
      else {
        const p =
          c.format === 'csv'
            ? parseCsvLine(l.text, header ?? [], c.known)
            : parseJsonLine(l.text, c.known);
        const r: RowResult = !p.ok
          ? p
          : kind === 'events'
            ? toEventRow(p.rec, p.extra, l.no, c.hashOnly)
            : toAccountRow(p.rec, p.extra, l.no);
        if (!r.ok && c.hashOnly)
          reject(
            lane.batch,
            c.errors,
            hashModeRaw(l.text, c.known),
            l.no,
            r.field,
            `line ${l.no}: ${hashModeReason(r.reason)}`,
          );
        else if (!r.ok)
          reject(lane.batch, c.errors, l.text, l.no, r.field, `line ${l.no}: ${r.reason}`);
        else {
          lane = lanes[laneOf(r.row[c.keyAt] as string, lanes.length)];
          addRow(lane, r.row);
          if (kind === 'events') lane.batch.months.add((r.row[2] as string).slice(0, 7)); // ts is ISO (toISOString form)
        }
      }
      const b = lane.batch;
      if (!b.lines) b.firstLine = l.no;
      b.lines++;
      b.bytes += l.text === null ? Math.min(l.bytes, 4096) : l.bytes; // a long line keeps its head only
      if (batchRows(b) >= c.batchSize || b.bytes >= c.batchBytes) await c.send(lane);
    }
}
