import type { PoolClient } from 'pg';
import { slices, type Arena } from './arena';
import { copyIn } from './db';
import { DIRECT_EVENT_COLS, MERGE_FULL_SQL, MERGE_ROLLUPS_SQL, ROLLUP_COLS } from './sql-events';

/**
 * Events on Postgres, with the batch encoded once as COPY text (`body`: the events' columns and
 * the run id; `slim`: the columns the rollups read, ~150 bytes a row).
 *
 * Fast path: COPY the body straight into `events`, then the rollups from the slim stage. It skips
 * writing every 1.3 KB row twice (staging table, then INSERT … SELECT).
 * It is only right when every row is new. A COPY has no ON CONFLICT, so a row whose (id, ts)
 * exists — a rerun, an overlapping file, a repeat inside the batch — fails the COPY with
 * unique_violation; the savepoint is rolled back and the same bytes go to the staging table for
 * the ON CONFLICT DO NOTHING merge, which skips exactly the duplicates. A concurrent ingest of
 * the same rows waits on the unique index and then fails the same way (or as a deadlock, same
 * remedy). Returns the rows inserted and which path took them.
 */
const FALL_BACK = new Set(['23505', '40P01']); // unique_violation, deadlock_detected
const DIRECT = `COPY events (${DIRECT_EVENT_COLS}) FROM STDIN`;
const SLIM = `COPY stage_slim (${ROLLUP_COLS.join(', ')}) FROM STDIN`;
const FULL = `COPY stage_full (${DIRECT_EVENT_COLS}) FROM STDIN`;

export async function mergeEncoded(client: PoolClient, b: { body: Arena; slim: Arena }, timings: { stage: number; merge: number }): Promise<{ inserted: number; direct: boolean }> {
  let t = Date.now();
  await client.query('SAVEPOINT direct');
  let direct = true;
  try {
    await copyIn(client, DIRECT, slices(b.body));
  } catch (e) {
    if (!FALL_BACK.has(String((e as { code?: string }).code))) throw e;
    await client.query('ROLLBACK TO SAVEPOINT direct');
    direct = false;
  }
  if (direct) {
    await client.query('RELEASE SAVEPOINT direct');
    await copyIn(client, SLIM, slices(b.slim));
  } else {
    await copyIn(client, FULL, slices(b.body));
  }
  timings.stage += Date.now() - t;
  t = Date.now();
  const r = direct ? await client.query(MERGE_ROLLUPS_SQL) : await client.query<{ inserted: number }>(MERGE_FULL_SQL);
  timings.merge += Date.now() - t;
  return { inserted: direct ? b.body.rows : r.rows[0].inserted, direct };
}
