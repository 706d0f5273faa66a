import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  COPY_EVENTS_SQL,
  EVENT_COLUMNS,
  SET_SCOPE_SQL,
  setScopeParams,
  type ColumnKind,
  type EventRow,
  type ResolvedScope,
} from './event-sql';

// The scope's events through `COPY (…) TO STDOUT` (text format), parsed here: one continuous
// stream instead of a cursor's batch round trips, and no per-field work in the driver. COPY takes
// no bind parameters, so the scope travels in transaction-local settings (set_config with
// parameters) that the query reads back — nothing is spliced into the SQL text. Columns and
// their kinds come from EVENT_COLUMNS, the list the cursor's query is made of too.

const ESC: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const unescape = (f: string) => f.replace(/\\(.)/g, (_, c: string) => ESC[c] ?? c);

const PARSE: Record<ColumnKind, (f: string) => unknown> = {
  text: (f) => (f.includes('\\') ? unescape(f) : f),
  num: Number,
  bool: (f) => f === 't',
  json: (f) => JSON.parse(unescape(f)),
};
const PARSERS = EVENT_COLUMNS.map(([name, kind]) => [name, PARSE[kind]] as const);

export function parseCopyRow(line: string): EventRow {
  const f = line.split('\t');
  const row: Record<string, unknown> = {};
  for (let i = 0; i < PARSERS.length; i++) {
    const [name, parse] = PARSERS[i];
    row[name] = f[i] === '\\N' ? null : parse(f[i]);
  }
  return row as unknown as EventRow;
}

/** How far the COPY stream may run ahead of the writer: Postgres keeps producing while rows are
 *  redacted, hashed and deflated, instead of the two taking turns (bounded, whatever the size). */
const READ_AHEAD = 2 * 1024 * 1024;

export async function* copyEventRows(
  client: PoolClient,
  scope: ResolvedScope,
): AsyncGenerator<EventRow[]> {
  await client.query(SET_SCOPE_SQL, setScopeParams(scope));
  const stream = client.query(
    copyTo(`COPY (${COPY_EVENTS_SQL}) TO STDOUT`, { highWaterMark: READ_AHEAD }),
  );
  const lines = new LineSplitter();
  try {
    for await (const chunk of stream) {
      const rows = lines.push(chunk as Buffer).map(parseCopyRow);
      if (rows.length) yield rows;
    }
  } finally {
    stream.destroy();
  }
}

/**
 * Cuts COPY text into lines, each decoded on its own (a newline byte never occurs inside a UTF-8
 * sequence or an escaped COPY field). A row's strings then hold on to their own line, not to a
 * whole network chunk: values kept past the row (an account's first/last timestamp, the
 * custodian) would otherwise pin one chunk each and memory would grow with the export. Only the
 * line split across two chunks is copied.
 */
export class LineSplitter {
  private rest: Buffer | undefined;

  push(buf: Buffer): string[] {
    const out: string[] = [];
    let start = 0;
    let nl = buf.indexOf(10);
    if (this.rest && nl !== -1) {
      out.push(Buffer.concat([this.rest, buf.subarray(0, nl)]).toString('utf8'));
      this.rest = undefined;
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    for (; nl !== -1; nl = buf.indexOf(10, start)) {
      out.push(buf.toString('utf8', start, nl));
      start = nl + 1;
    }
    if (start < buf.length) {
      const tail = buf.subarray(start);
      // A copy, so the chunk itself can go.
      this.rest = this.rest ? Buffer.concat([this.rest, tail]) : Buffer.from(tail);
    }
    return out;
  }
}
