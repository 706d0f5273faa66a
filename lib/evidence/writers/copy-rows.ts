import { StringDecoder } from 'node:string_decoder';
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

export async function* copyEventRows(
  client: PoolClient,
  scope: ResolvedScope,
): AsyncGenerator<EventRow> {
  await client.query(SET_SCOPE_SQL, setScopeParams(scope));
  const stream = client.query(copyTo(`COPY (${COPY_EVENTS_SQL}) TO STDOUT`));
  const dec = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream) {
      const s = rest + dec.write(chunk as Buffer);
      let start = 0;
      for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', start)) {
        yield parseCopyRow(s.slice(start, nl));
        start = nl + 1;
      }
      rest = s.slice(start);
    }
  } finally {
    stream.destroy();
  }
}
