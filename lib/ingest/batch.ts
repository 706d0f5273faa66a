import type { PoolClient } from 'pg';
import { newArena, type Arena } from './arena';
import { ensurePartitions, loadStage, type StagedRows } from './db';
import { copyStraightIn, insertStraightIn } from './direct';
import { recordBatch, type QuarantineRow } from './runs';
import { MERGE_ACCOUNTS_SQL, MERGE_EVENTS_SQL } from './sql-events';
import type { IngestKind } from './types';

/**
 * `rows`: the values (PGlite, or --no-copy). With COPY the rows are kept encoded instead (lanes.ts):
 * `body` the COPY lines, `slim` the rollup columns of events (direct.ts).
 */
export interface Batch extends StagedRows {
  lines: number;
  /** the number of the batch's first line (0 while it has none) */
  firstLine: number;
  /** input bytes of its lines (flushed by bytes as well as rows) */
  bytes: number;
  /** the line number of each staged row, in row order */
  lineNos: number[];
  slim: Arena;
  quarantine: QuarantineRow[];
  months: Set<string>;
}
export const newBatch = (body = newArena(), slim = newArena()): Batch => ({
  lines: 0,
  firstLine: 0,
  bytes: 0,
  lineNos: [],
  rows: [],
  body,
  slim,
  quarantine: [],
  months: new Set(),
});
export const stagedRows = (b: Batch) => b.rows.length + b.body.rows;

export interface FlushContext {
  client: PoolClient;
  kind: IngestKind;
  runId: string;
  source: string;
  useCopy: boolean;
  columns: readonly string[];
  ensured: Set<string>;
  timings: { stage: number; merge: number; commit: number };
  guard?: (client: PoolClient) => Promise<void>;
}

/**
 * One transaction per batch: stage, merge (events + rollups, or accounts + indicators),
 * quarantine, run counters. Either all of it commits or none of it, which is what makes a
 * killed run safe to repeat. Returns the number of newly inserted rows, and whether the batch went
 * straight into events (direct.ts) or through the staging table.
 */
export async function flushBatch(
  ctx: FlushContext,
  b: Batch,
): Promise<{ inserted: number; direct: boolean }> {
  if (ctx.kind === 'events' && b.months.size)
    await ensurePartitions(ctx.client, b.months, ctx.ensured);
  // Two runs that ingest the same accounts at once lock events and rollup rows in different
  // orders and can deadlock; Postgres aborts one transaction, which is then simply run again
  // (it is whole, and the rerun skips what the other run committed meanwhile).
  for (let attempt = 1; ; attempt++) {
    try {
      return await batchTransaction(ctx, b);
    } catch (e) {
      if (!RETRY.has(String((e as { code?: string }).code)) || attempt >= MAX_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 100 * attempt));
    }
  }
}
const RETRY = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure
const MAX_ATTEMPTS = 8;

async function batchTransaction(
  ctx: FlushContext,
  b: Batch,
): Promise<{ inserted: number; direct: boolean }> {
  const { client } = ctx;
  await client.query('BEGIN');
  try {
    await ctx.guard?.(client);
    // A batch need not wait for its WAL flush: if the server crashes before the flush, the batch
    // and its run counters are lost together and the idempotent rerun restores them. The run's
    // closing transaction (finishRun, synchronous) flushes the WAL, so a 'done' run is durable.
    await client.query('SET LOCAL synchronous_commit = off');
    // The rollup statement groups a batch three ways in memory; at the default 4 MB it spilled to
    // disk (a third of its CPU at 25k events). Per transaction, so a lane holds it only meanwhile.
    await client.query(`SET LOCAL work_mem = '64MB'`);
    const staged = stagedRows(b);
    const events = ctx.kind === 'events';
    const direct = events && b.body.rows ? await copyStraightIn(client, b, ctx.timings) : null;
    let inserted = direct ?? 0;
    if (direct === null && events && b.rows.length)
      inserted = await insertStraightIn(client, b.rows, ctx.timings);
    else if (direct === null && staged) {
      let t = Date.now();
      await loadStage(client, events ? 'stage_events' : 'stage_accounts', ctx.columns, b);
      ctx.timings.stage += Date.now() - t;
      t = Date.now();
      const q = await client.query<{ inserted: number }>(
        events ? MERGE_EVENTS_SQL : MERGE_ACCOUNTS_SQL,
      );
      inserted = q.rows[0].inserted;
      ctx.timings.merge += Date.now() - t;
    }
    const t = Date.now();
    const counts = {
      lines: b.lines,
      accepted: inserted,
      duplicates: staged - inserted,
      rejected: b.quarantine.length,
    };
    await recordBatch(client, ctx.runId, ctx.kind, ctx.source, counts, b.quarantine);
    await client.query('COMMIT');
    ctx.timings.commit += Date.now() - t;
    return { inserted, direct: direct !== null };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
