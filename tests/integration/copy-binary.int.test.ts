import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newArena, slices } from '@/lib/ingest/arena';
import { BINARY_HEADER, BINARY_TRAILER, putBinaryRow, wireTypes } from '@/lib/ingest/copy-binary';
import { encodeCopy } from '@/lib/ingest/copy-text';
import { decodeBinaryRow } from '@/lib/ingest/copy-binary-decode';
import { copyIn } from '@/lib/ingest/db';
import { toEventRow, type StageRow } from '@/lib/ingest/event-row';
import { parseJsonLine } from '@/lib/ingest/record';
import { EVENT_FIELDS } from '@/lib/ingest/schemas';
import { EVENT_ROW_COLUMNS } from '@/lib/ingest/sql-events';
import { eventLines, INGEST_EDGE_LINES } from '../golden/inputs';
import { freshDb } from './ingest-snapshot';

// The events body goes to Postgres in COPY's binary format (lib/ingest/copy-binary.ts). Here the
// same rows go in as COPY text (the encoder it replaced) and as binary, into two tables of the
// events' columns, and every row must come out the same, column by column.
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  db = await freshDb('dw_bin');
});
afterAll(() => db.drop());

const col = (name: string) => EVENT_ROW_COLUMNS.indexOf(name);
const RUN = '9223372036854775807';

/** Validated rows as the lanes send them: the golden input and edge lines, plain and hash-only. */
function validatedRows(): StageRow[] {
  const rows: StageRow[] = [];
  for (const hashOnly of [false, true])
    [...eventLines(), ...INGEST_EDGE_LINES].forEach((text, i) => {
      const p = parseJsonLine(text, EVENT_FIELDS);
      const r = p.ok ? toEventRow(p.rec, p.extra, i + 1, hashOnly) : null;
      if (!r?.ok) return;
      const row = [...r.row.slice(1), RUN];
      row[col('id')] = `${hashOnly ? 'h' : 't'}${i}-${row[col('id')]}`; // unique, to pair the rows
      rows.push(row);
    });
  return rows;
}

/** One column of a base row changed per row: the awkward values of each type. */
function oddRows(base: StageRow): StageRow[] {
  const rows: StageRow[] = [];
  let n = 0;
  const vary = (name: string, values: StageRow) => {
    for (const v of values) {
      const r = [...base];
      r[col('id')] = `odd-${n++}`;
      r[col(name)] = v;
      rows.push(r);
    }
  };
  vary('ts', [
    '1990-01-01T00:00:00.000Z',
    '1999-12-31T23:59:59.999Z',
    '2000-01-01T00:00:00.000Z',
    '2026-03-29T00:59:59.999Z', // the EU clocks go forward at 01:00 UTC
    '2026-03-29T01:00:00.000Z',
    '2026-10-25T00:59:59.999Z', // and back
    '2026-10-25T01:00:00.001Z',
    '2026-11-01T06:00:00.000Z', // US
    '2024-02-29T12:00:00.500Z',
    '2099-12-31T23:59:59.999Z',
  ]);
  vary('ip', [
    null,
    '0.0.0.0',
    '255.255.255.255',
    '10.1.2.3',
    '::',
    '::1',
    '1::',
    '2001:DB8::8a2e:370:7334',
    '2001:db8:0:0:1:0:0:1',
    'fe80::1:2:3:4:5:6',
    '1:2:3:4:5:6:7:8',
    '::ffff:192.0.2.128',
    '64:ff9b::1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
  ]);
  vary('temperature', [null, 0, 0.1 + 0.2, 0.7, 1, 1e-7, 99.99999999, 100, 1.0000000596046448]);
  vary('asn', [null, 0, 2147483647]);
  vary('input_tokens', [null, 0, 1, 2147483647]);
  vary('simhash', ['0', '-1', '-9223372036854775808', '9223372036854775807', '12345678901234']);
  vary('tax_bucket', [0, 1, 32767, -32768]);
  vary('thinking', [null, true, false]);
  vary('extra', [null, '{}', '{"a":[1,2.5,null,true],"ü":"\\u00e9x","b":{"c":"\\t\\n"}}']);
  vary('prompt', [null, '', '\\N', 'a\tb\nc\\d\re', '€😀\ufffd Σίσυφος', 'x'.repeat(70_000)]);
  vary('user_agent', [null, '', 'ua\r', '中文'.repeat(1000)]);
  vary('country', [null, 'DE']);
  return rows;
}

async function loadBoth(rows: StageRow[]) {
  const c = await db.pool.connect();
  try {
    for (const t of ['as_text', 'as_binary']) {
      await c.query(`DROP TABLE IF EXISTS ${t}`);
      await c.query(
        `CREATE TABLE ${t} AS SELECT ${EVENT_ROW_COLUMNS.join(', ')} FROM events WITH NO DATA`,
      );
    }
    const list = EVENT_ROW_COLUMNS.join(', ');
    await copyIn(c, `COPY as_text (${list}) FROM STDIN`, [Buffer.from(encodeCopy(rows))]);
    const a = newArena(1024);
    const types = wireTypes(EVENT_ROW_COLUMNS);
    for (const r of rows) putBinaryRow(a, r, types);
    await copyIn(c, `COPY as_binary (${list}) FROM STDIN (FORMAT binary)`, [
      BINARY_HEADER,
      ...slices(a, 4096), // small slices: rows cut anywhere must still arrive whole
      BINARY_TRAILER,
    ]);
  } finally {
    c.release();
  }
}

/** A column as Postgres prints it, in the decoder's form (ISO time, address without a mask). */
const printedAs = (c: string) =>
  c === 'ts'
    ? `to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : c === 'ip'
      ? 'host(ip)'
      : `${c}::text`;

describe('events by binary COPY', () => {
  it('stores every row exactly as the text COPY does', async () => {
    const rows = validatedRows();
    expect(rows.length).toBeGreaterThan(2000);
    const all = [...rows, ...oddRows(rows[0])];
    await loadBoth(all);
    const q = async (sql: string) => (await db.pool.query(sql)).rows;
    expect(await q('SELECT count(*)::int AS n FROM as_binary')).toEqual([{ n: all.length }]);
    // row by row, every column as its text and (float, json, inet) by value too
    const differing = await q(`SELECT t.id, to_jsonb(t) AS text_row, to_jsonb(b) AS binary_row
      FROM as_text t FULL JOIN as_binary b ON b.id = t.id
      WHERE t::text IS DISTINCT FROM b::text OR to_jsonb(t) IS DISTINCT FROM to_jsonb(b)
        OR t.ip IS DISTINCT FROM b.ip OR masklen(t.ip) IS DISTINCT FROM masklen(b.ip)
        OR family(t.ip) IS DISTINCT FROM family(b.ip)
        OR float4send(t.temperature) IS DISTINCT FROM float4send(b.temperature)
        OR jsonb_send(t.extra) IS DISTINCT FROM jsonb_send(b.extra)
      LIMIT 5`);
    expect(differing).toEqual([]);
    expect(
      await q(
        'SELECT count(*)::int AS n FROM (SELECT * FROM as_text EXCEPT ALL SELECT * FROM as_binary) x',
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('decodes a binary row (the quarantine copy of a refused row) as Postgres prints its values', async () => {
    const rows = oddRows(validatedRows()[0]);
    await loadBoth(rows);
    const types = wireTypes(EVENT_ROW_COLUMNS);
    const printed = new Map(
      (
        await db.pool.query<{ id: string; cells: (string | null)[] }>(
          `SELECT id, ARRAY[${EVENT_ROW_COLUMNS.map(printedAs).join(', ')}] AS cells FROM as_binary`,
        )
      ).rows.map((r) => [r.id, r.cells]),
    );
    const boolText = (v: string | null) => (v === 't' ? 'true' : v === 'f' ? 'false' : v);
    for (const r of rows) {
      const a = newArena(64);
      putBinaryRow(a, r, types);
      const cells = decodeBinaryRow(a, types);
      const want = printed.get(r[EVENT_ROW_COLUMNS.indexOf('id')] as string)?.map(boolText);
      // jsonb prints its own spacing and a real its own exponent form: compare them as values
      const ex = EVENT_ROW_COLUMNS.indexOf('extra');
      const te = EVENT_ROW_COLUMNS.indexOf('temperature');
      const asValues = (c: StageRow | undefined) => ({
        ...c,
        [ex]: c?.[ex] && JSON.parse(c[ex] as string),
        [te]: c?.[te] && Number(c[te]),
      });
      expect(asValues(cells)).toEqual(asValues(want));
    }
  });
});
