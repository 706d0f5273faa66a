import type { PoolClient } from 'pg';
import type { Arena } from './arena';
import { binaryChunks } from './copy-binary';
import { copyIn, jsonChunks } from './db';
import type { StageRow } from './event-row';
import { EVENT_ROW_COLUMNS, MERGE_ROLLUPS_SQL, ROLLUP_COLS } from './sql-events';

/**
 * The fast path for a batch of events on Postgres, encoded once (`body`: the events' columns and
 * the run id; `slim`: the columns the rollups read, ~150 bytes a row; both in COPY's binary
 * format): COPY the body
 * straight into `events`, then the rollups from the slim stage. It skips writing every 1.3 KB row
 * twice (staging table, then INSERT … SELECT).
 *
 * It is only right when every row is new. A COPY has no ON CONFLICT, so a row whose (account_id, id, ts)
 * exists — a rerun, an overlapping file, a repeat inside the batch — fails the COPY with
 * unique_violation; the savepoint is rolled back and the caller stages the same bytes for the
 * ON CONFLICT DO NOTHING merge, which skips exactly the duplicates. A concurrent ingest of the
 * same rows waits on the unique index and then fails the same way (or as a deadlock, same
 * remedy). Returns the rows inserted, or null when the batch must take the staged path.
 */
const FALL_BACK = new Set(['23505', '40P01']); // unique_violation, deadlock_detected
const DIRECT = `COPY events (${EVENT_ROW_COLUMNS.join(', ')}) FROM STDIN (FORMAT binary)`;
const SLIM = `COPY stage_slim (${ROLLUP_COLS.join(', ')}) FROM STDIN (FORMAT binary)`;

export async function copyStraightIn(
  client: PoolClient,
  b: { body: Arena; slim: Arena },
  timings: { stage: number; merge: number },
): Promise<number | null> {
  let t = Date.now();
  await client.query('SAVEPOINT direct');
  try {
    await copyIn(client, DIRECT, binaryChunks(b.body));
  } catch (e) {
    if (!FALL_BACK.has(String((e as { code?: string }).code))) throw e;
    await client.query('ROLLBACK TO SAVEPOINT direct');
    timings.stage += Date.now() - t;
    return null;
  }
  await client.query('RELEASE SAVEPOINT direct');
  await copyIn(client, SLIM, binaryChunks(b.slim));
  timings.stage += Date.now() - t;
  t = Date.now();
  await client.query(MERGE_ROLLUPS_SQL);
  timings.merge += Date.now() - t;
  return b.body.rows;
}

const ROLLUP_LIST = ROLLUP_COLS.join(', ');
const EVENT_LIST = EVENT_ROW_COLUMNS.join(', ');
/** A chunk of rows as JSON into events, and what the rollups read of the ones inserted into the slim stage. */
const INSERT_RETURNING_SLIM = `WITH ins AS (
  INSERT INTO events (${EVENT_LIST}) SELECT ${EVENT_LIST} FROM json_populate_recordset(NULL::stage_events, $1::json)
  ON CONFLICT (account_id, ts, id) DO NOTHING RETURNING ${ROLLUP_LIST}
) INSERT INTO stage_slim (${ROLLUP_LIST}) SELECT ${ROLLUP_LIST} FROM ins`;

/**
 * The batch path without COPY (PGlite, whose socket cannot take COPY; --no-copy): each ~1 MB
 * chunk of rows goes straight into events with ON CONFLICT DO NOTHING, and only the rows it
 * inserted go on to the slim stage, then one rollup statement as on the direct path. Same
 * answers as staging the whole rows first (MERGE_EVENTS_SQL: the first of repeated keys wins,
 * only new rows reach the rollups), without writing and reading each 1.3 KB row twice.
 */
export async function insertStraightIn(
  client: PoolClient,
  rows: StageRow[],
  timings: { stage: number; merge: number },
): Promise<number> {
  let t = Date.now();
  let inserted = 0;
  for (const json of jsonChunks(EVENT_ROW_COLUMNS, rows))
    inserted += (await client.query(INSERT_RETURNING_SLIM, [json])).rowCount ?? 0;
  timings.stage += Date.now() - t;
  t = Date.now();
  if (inserted) await client.query(MERGE_ROLLUPS_SQL);
  timings.merge += Date.now() - t;
  return inserted;
}
