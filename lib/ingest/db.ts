import { once } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { slices, type Arena } from './arena';
import { binaryChunks } from './copy-binary';
import type { StageRow } from './event-row';
import { EVENT_ROW_COLUMNS, ROLLUP_COLS } from './sql-events';

/** A batch's rows: values (PGlite), or encoded as COPY text in `body` (Postgres; see lanes.ts). */
export interface StagedRows {
  rows: StageRow[];
  body: Arena;
}

/** True when the server is PGlite (Postgres compiled to WASM), which cannot COPY over its socket. */
export async function isPglite(db: Pool | PoolClient): Promise<boolean> {
  const { rows } = await db.query<{ v: string }>('SELECT version() AS v');
  return /wasm|emscripten/i.test(rows[0]?.v ?? '');
}

/**
 * Per-connection staging tables, emptied at every commit: events as the batches carry them (the
 * events' columns with the run id), accounts typed by the migration's row type.
 * UTC so that dates/months computed in SQL agree with the ones computed in JS.
 */
export async function prepareSession(client: PoolClient, pglite: boolean): Promise<void> {
  await client.query("SET TIME ZONE 'UTC'");
  await client.query('SET jit = off');
  // Temp tables live in temp_buffers; a 10k-row batch of prompts needs more than the 8 MB default.
  // (Only settable before the session's first temp table; harmless afterwards on a reused client.)
  if (!pglite) await client.query("SET temp_buffers = '128MB'").catch(() => undefined);
  // Prompts over ~2 KB are compressed on their way into events: pglz took about a sixth of the
  // server's CPU for the events COPY, lz4 a fraction of that (docs/performance.md#ingest). A
  // server built without lz4 refuses the value and keeps its default.
  if (!pglite) await client.query("SET default_toast_compression = 'lz4'").catch(() => undefined);
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS stage_events ON COMMIT DELETE ROWS AS SELECT ${EVENT_ROW_COLUMNS.join(', ')} FROM events WITH NO DATA`,
  );
  await client.query(
    'CREATE TEMP TABLE IF NOT EXISTS stage_accounts OF ingest_account_row ON COMMIT DELETE ROWS',
  );
  // what the rollups read of a batch's new events (direct.ts)
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS stage_slim ON COMMIT DELETE ROWS AS SELECT ${ROLLUP_COLS.join(', ')} FROM events WITH NO DATA`,
  );
}

const JSON_CHUNK_BYTES = 1 << 20;

/**
 * COPY … FROM STDIN of the given chunks. Raced with `done`: after a server error the stream is
 * destroyed, write() returns false and 'drain' never comes.
 */
export async function copyIn(
  client: PoolClient,
  sql: string,
  chunks: Iterable<Buffer>,
): Promise<void> {
  const stream = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  done.catch(() => undefined); // awaited below (or raced): never an unhandled rejection
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  }
  stream.end();
  await done;
}

/** Loads a batch into staging: its encoded rows by COPY on Postgres, json_populate_recordset on PGlite. */
export async function loadStage(
  client: PoolClient,
  table: 'stage_accounts' | 'stage_events',
  columns: readonly string[],
  b: StagedRows,
): Promise<void> {
  // events' bodies are binary COPY rows (copy-binary.ts), accounts' COPY text
  if (b.body.rows && table === 'stage_events')
    return copyIn(
      client,
      `COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`,
      binaryChunks(b.body),
    );
  if (b.body.rows)
    return copyIn(client, `COPY ${table} (${columns.join(', ')}) FROM STDIN`, slices(b.body));
  const type = table === 'stage_events' ? 'stage_events' : 'ingest_account_row'; // a table's row type
  for (const json of jsonChunks(columns, b.rows))
    await client.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${type}, $1::json)`,
      [json],
    );
}

/**
 * Rows as JSON arrays of objects of about 1 MB each: pglite-socket takes time superlinear in a
 * message's size (docs/performance.md, PGlite), so a batch goes in several statements, all inside
 * the batch transaction.
 */
export function* jsonChunks(columns: readonly string[], rows: StageRow[]): Generator<string> {
  const ex = columns.indexOf('extra'); // staged as JSON text; the json path needs the object itself
  for (let i = 0; i < rows.length;) {
    let size = 0;
    const parts: string[] = [];
    while (i < rows.length && (size < JSON_CHUNK_BYTES || parts.length === 0)) {
      const r = rows[i++];
      const o: Record<string, unknown> = {};
      for (let k = 0; k < columns.length; k++)
        o[columns[k]] = k === ex && r[k] !== null ? JSON.parse(r[k] as string) : r[k];
      const s = JSON.stringify(o);
      parts.push(s);
      size += s.length;
    }
    yield `[${parts.join(',')}]`;
  }
}

/** Creates the monthly (UTC) partitions 'YYYY-MM' not yet in `ensured`, outside the batch transaction. */
export async function ensurePartitions(
  client: PoolClient,
  months: Set<string>,
  ensured: Set<string>,
): Promise<void> {
  for (const m of months) {
    if (ensured.has(m)) continue;
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query('SELECT ensure_event_partition($1::date)', [`${m}-01`]);
        break;
      } catch (e) {
        // another ingest created it between the check and the CREATE: fine, it exists now
        if (attempt >= 2 || !/already exists/.test((e as Error).message)) throw e;
      }
    }
    ensured.add(m);
  }
}
