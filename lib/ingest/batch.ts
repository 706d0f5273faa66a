import type { PoolClient } from 'pg';
import { ensurePartitions, loadStage, type StagedRows } from './db';
import { copyStraightIn } from './direct';
import { recordBatch, type QuarantineRow } from './runs';
import { MERGE_ACCOUNTS_SQL, MERGE_EVENTS_SQL } from './sql-events';
import type { IngestKind, LineError } from './types';

/**
 * `rows`: the values (PGlite). With COPY the rows are kept encoded instead: `copy` holds UTF-8 COPY
 * lines — for events without the line number, which is in `lineNos`, and with `slim` holding the
 * rollup columns (direct.ts).
 */
export interface Batch extends StagedRows { lines: number; slim: Buffer[]; quarantine: QuarantineRow[]; months: Set<string> }
export const newBatch = (): Batch => ({ lines: 0, rows: [], copy: [], lineNos: [], slim: [], quarantine: [], months: new Set() });

const RAW_MAX = 4096;
const clean = (s: string) => {
  const t = s.replace(/\u0000/g, '\\u0000') as string & { toWellFormed?: () => string };
  return t.toWellFormed ? t.toWellFormed() : t; // a cut may split a surrogate pair
};

/** Adds a rejected line: quarantined with at most 4 KiB of its raw text. */
export function reject(b: Batch, errors: LineError[], raw: string, lineNo: number, field: string | undefined, reason: string, longLine = false) {
  const truncated = longLine || raw.length > RAW_MAX;
  b.quarantine.push({ line_no: lineNo, raw: clean(raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) : raw), truncated, field: field ?? null, reason });
  if (errors.length < 20) errors.push(field ? { line: lineNo, field, reason } : { line: lineNo, reason });
}

export interface FlushContext {
  client: PoolClient;
  kind: IngestKind;
  runId: string;
  source: string;
  useCopy: boolean;
  columns: readonly string[];
  ensured: Set<string>;
  timings: { stage: number; merge: number; commit: number };
}

/**
 * One transaction per batch: stage, merge (events + rollups, or accounts + indicators),
 * quarantine, run counters. Either all of it commits or none of it, which is what makes a
 * killed run safe to repeat. Returns the number of newly inserted rows, and whether the batch went
 * straight into events (direct.ts) or through the staging table.
 */
export async function flushBatch(ctx: FlushContext, b: Batch): Promise<{ inserted: number; direct: boolean }> {
  const { client } = ctx;
  if (ctx.kind === 'events' && b.months.size) await ensurePartitions(client, b.months, ctx.ensured);
  await client.query('BEGIN');
  try {
    // A batch need not wait for its WAL flush: if the server crashes before the flush, the batch
    // and its run counters are lost together and the idempotent rerun restores them. The run's
    // closing transaction (finishRun, synchronous) flushes the WAL, so a 'done' run is durable.
    await client.query('SET LOCAL synchronous_commit = off');
    let inserted = 0;
    let viaCopy = false;
    const staged = b.rows.length + b.copy.length;
    if (staged) {
      const direct = b.slim.length ? await copyStraightIn(client, ctx.runId, b, ctx.timings) : null;
      viaCopy = direct !== null;
      if (direct !== null) inserted = direct;
      else {
        const table = ctx.kind === 'events' ? 'stage_events' : 'stage_accounts';
        let t = Date.now();
        await loadStage(client, table, ctx.columns, b, ctx.useCopy);
        ctx.timings.stage += Date.now() - t;
        t = Date.now();
        const r = ctx.kind === 'events'
          ? await client.query<{ inserted: number }>(MERGE_EVENTS_SQL, [ctx.runId])
          : await client.query<{ inserted: number }>(MERGE_ACCOUNTS_SQL);
        inserted = r.rows[0].inserted;
        ctx.timings.merge += Date.now() - t;
      }
    }
    const t = Date.now();
    const counts = { lines: b.lines, accepted: inserted, duplicates: staged - inserted, rejected: b.quarantine.length };
    await recordBatch(client, ctx.runId, ctx.kind, ctx.source, counts, b.quarantine);
    await client.query('COMMIT');
    ctx.timings.commit += Date.now() - t;
    return { inserted, direct: viaCopy };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
