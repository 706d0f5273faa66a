import type { Pool, PoolClient } from 'pg';
import { newArena, put, reset, type Arena } from './arena';
import { newBatch, stagedRows, type Batch, type FlushContext } from './batch';
import { flushSafely, type FlushResult } from './bisect';
import { fieldPlan, putBinaryFields } from './copy-binary';
import { encodeCopyRow } from './copy-text';
import { EVENT_STAGE_COLUMNS, type StageRow } from './event-row';
import { EVENT_ROW_COLUMNS, EVENT_WIRE_TYPES, ROLLUP_COLS, SLIM_WIRE_TYPES } from './sql-events';

/**
 * Parallel ingest lanes. Every row goes to the lane of its account (a hash of account_id), and
 * each lane has its own connection and its own batch transactions. The lanes' rollup rows are
 * disjoint (every rollup is keyed by account), so their merges run side by side on separate
 * backends without waiting for each other; each batch still commits its events, rollups,
 * quarantine and run counters atomically, and an account's rows keep their file order.
 * On a 2-core machine the merge (one backend) was the critical path; two lanes let Postgres use
 * both cores while JS parses (docs/performance.md).
 */
export interface Lane {
  client: PoolClient;
  ctx: FlushContext;
  batch: Batch;
  inflight: Promise<void> | null;
  spare: { body: Arena; slim: Arena }[];
  /** the connection's 'error' listener while the lane holds it (releaseLane removes it) */
  onError: (e: Error) => void;
}
export type LaneBase = Omit<FlushContext, 'client'>;

export async function openLanes(
  pool: Pool,
  n: number,
  base: LaneBase,
  prepare: (c: PoolClient) => Promise<void>,
): Promise<Lane[]> {
  const lanes: Lane[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const client = await pool.connect();
      // A checked-out client whose server goes away between queries (the database restarts while
      // an upload waits for its body) emits 'error'; with no listener that is an uncaught
      // exception that takes the whole server down. The run fails at its next query instead.
      const onError = (e: Error) => console.error(`[ingest] lane connection lost: ${e.message}`);
      client.on('error', onError);
      lanes.push({
        client,
        ctx: { ...base, client },
        batch: newBatch(),
        inflight: null,
        spare: [],
        onError,
      });
      await prepare(client);
    }
  } catch (e) {
    for (const l of lanes) releaseLane(l, true);
    throw e;
  }
  return lanes;
}

/** Gives the lane's connection back to the pool (`destroy`: ends it instead). */
export function releaseLane(lane: Lane, destroy: boolean): void {
  lane.client.off('error', lane.onError);
  lane.client.release(destroy);
}

/** FNV-1a over UTF-16 code units: stable, cheap, and spreads sequential ids evenly. */
export function laneOf(key: string, n: number): number {
  if (n === 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/**
 * Adds a validated row: an event as the events' columns plus the run id (EVENT_ROW_COLUMNS; the
 * merge never reads line numbers), an account as staged. With COPY it is encoded at once into the
 * batch's arenas (arena.ts) in COPY's binary format (copy-binary.ts): an event's body, and a slim
 * row of what the rollups read.
 */
export function addRow(lane: Lane, row: StageRow): void {
  const batch = lane.batch;
  batch.lineNos.push(row[0] as number); // line_no comes first in both kinds' staged rows
  if (lane.ctx.kind === 'accounts') {
    if (lane.ctx.useCopy) put(batch.body, encodeCopyRow(row));
    else batch.rows.push(row);
    return;
  }
  if (!lane.ctx.useCopy) {
    const body = row.slice(1); // EVENT_ROW_COLUMNS
    body.push(lane.ctx.runId);
    batch.rows.push(body);
  } else {
    putBinaryFields(batch.body, row, BODY_PLAN, lane.ctx.runId);
    putBinaryFields(batch.slim, row, SLIM_PLAN, null);
  }
}
// The body: the staged row without line_no, then the run id (-1: putBinaryFields' tail value).
const BODY_PLAN = fieldPlan(
  EVENT_ROW_COLUMNS.map((c) => (c === 'run_id' ? -1 : EVENT_STAGE_COLUMNS.indexOf(c as never))),
  EVENT_WIRE_TYPES,
);
const SLIM_PLAN = fieldPlan(
  ROLLUP_COLS.map((c) => EVENT_STAGE_COLUMNS.indexOf(c)),
  SLIM_WIRE_TYPES,
);

export const batchRows = (b: Batch) => stagedRows(b) + b.quarantine.length;

/**
 * Hands the lane's batch to its connection (after that lane's previous batch finished) and starts
 * a new one. `done` receives each committed batch and how it went; a failure is recorded
 * through `fail` and rethrown by the next submit or by drain().
 */
export async function submit(
  lane: Lane,
  done: (batch: Batch, result: FlushResult) => void,
  state: { failure: unknown },
): Promise<void> {
  if (lane.inflight) await lane.inflight;
  if (state.failure) throw state.failure;
  const batch = lane.batch;
  const spare = lane.spare.pop();
  // a lane's first batches grow their arenas from 1 MB; the next new ones start at that size
  lane.batch = spare
    ? newBatch(reset(spare.body), reset(spare.slim))
    : newBatch(newArena(batch.body.buf.length), newArena(batch.slim.buf.length));
  lane.inflight = flushSafely(lane.ctx, batch).then(
    (result) => {
      lane.spare.push({ body: batch.body, slim: batch.slim }); // the flushed batch's arenas serve a later one
      done(batch, result);
    },
    (error) => {
      state.failure ??= error;
    },
  );
}

/** Waits for every lane's batch in flight (they never reject: failures are captured). */
export async function drain(lanes: Lane[]): Promise<void> {
  await Promise.all(lanes.map((l) => l.inflight));
}
