import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { EvidenceFields } from '../types';
import { copyBinaryRows, type RawRow } from './copy-binary';
import { copyEventRows } from './copy-rows';
import {
  EVENTS_SQL,
  copyEventsSql,
  scopeParams,
  type EventRow,
  type ResolvedScope,
} from './event-sql';
import { LineBytes } from './line-bytes';
import { FAST_COLUMNS, mayRedact, rowAccount, rowId, rowTs, toEventRow } from './native-bytes';
import { nativeLine, type FieldRedaction } from './native-line';
import { timesketchLine } from './timesketch';

// Where the natives pass's rows come from and how a row becomes its lines. Three readers give
// the same bytes: COPY binary with the lines assembled from Postgres's JSON (the default for
// full texts), COPY text parsed into rows (hashes-only exports), and a cursor (the reference the
// integration test compares the others with). A row that may need a redaction always takes the
// JavaScript path (nativeLine), whatever the reader.

export interface RowLines {
  /** The native line with its newline, as delivered. */
  native: string | Buffer;
  /** The line without redaction (with its newline); absent when nothing was redacted. */
  unredacted?: string;
  redactions: FieldRedaction[];
  timesketch: string | Buffer;
}

export interface NativeRow {
  id: string;
  ts: string;
  account: string;
  lines(bates: string, path: string): RowLines;
}

interface SourceOptions {
  client: PoolClient;
  scope: ResolvedScope;
  fields: EvidenceFields;
  redact: boolean;
  reader?: 'copy' | 'cursor';
}

function jsLines(row: EventRow, o: SourceOptions, bates: string, path: string): RowLines {
  const nl = nativeLine(row, bates, o.fields, o.redact);
  return {
    native: nl.line + '\n',
    unredacted: nl.unredacted === undefined ? undefined : nl.unredacted + '\n',
    redactions: nl.redactions,
    timesketch: timesketchLine(row, bates, path, o.fields, nl.prompt),
  };
}

const fromEventRow = (row: EventRow, o: SourceOptions): NativeRow => ({
  id: row.id,
  ts: row.ts,
  account: row.account_id,
  lines: (bates, path) => jsLines(row, o, bates, path),
});

function fromRawRow(r: RawRow, o: SourceOptions, lb: LineBytes, tb: LineBytes): NativeRow {
  const account = rowAccount(r);
  const ts = rowTs(r);
  return {
    id: rowId(r),
    ts,
    account,
    lines: (bates, path) =>
      o.redact && mayRedact(r)
        ? jsLines(toEventRow(r), o, bates, path)
        : {
            native: lb.native(r, bates),
            redactions: [],
            timesketch: tb.timesketch(r, bates, path, account, ts),
          },
  };
}

async function* cursorBatches(cursor: QueryStream): AsyncGenerator<EventRow[]> {
  for await (const row of cursor) yield [row as EventRow];
}

const FAST_SQL = copyEventsSql(FAST_COLUMNS.join(', '));

/** The scope's rows in native order, in batches; `close` ends the read early. */
export function nativeRows(o: SourceOptions): {
  batches: AsyncIterator<NativeRow[]>;
  close: () => Promise<void>;
} {
  let it: AsyncIterator<NativeRow[]>;
  let cursor: QueryStream | undefined;
  if (o.reader === 'cursor') {
    cursor = o.client.query(new QueryStream(EVENTS_SQL, scopeParams(o.scope), { batchSize: 2000 }));
    it = map(cursorBatches(cursor), (b) => b.map((r) => fromEventRow(r, o)));
  } else if (o.fields === 'full') {
    // One scratch buffer for each line: the native line is still unwritten when the Timesketch line is made.
    const lb = new LineBytes();
    const tb = new LineBytes();
    it = map(copyBinaryRows(o.client, o.scope, FAST_SQL, FAST_COLUMNS.length), (b) =>
      b.map((r) => fromRawRow(r, o, lb, tb)),
    );
  } else it = map(copyEventRows(o.client, o.scope), (b) => b.map((r) => fromEventRow(r, o)));
  return {
    batches: it,
    close: async () => {
      cursor?.destroy();
      await it.return?.();
    },
  };
}

async function* map<T, U>(src: AsyncGenerator<T>, f: (t: T) => U): AsyncGenerator<U> {
  try {
    for await (const x of src) yield f(x);
  } finally {
    await src.return(undefined);
  }
}
