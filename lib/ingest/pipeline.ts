import { env } from '@/lib/env';
import { ACCOUNT_STAGE_COLUMNS } from './account-row';
import { stagedRows, type Batch } from './batch';
import { noteError } from './quarantine';
import type { FlushResult } from './bisect';
import { csvRecords } from './csv';
import { isPglite, prepareSession } from './db';
import { EVENT_STAGE_COLUMNS } from './event-row';
import { feed, REQUIRED } from './feed';
import { drain, openLanes, releaseLane, submit, type Lane } from './lanes';
import { CommitFrontier } from './frontier';
import { splitLineGroups, type RawLine } from './lines';
import { EVENT_ROW_COLUMNS } from './sql-events';
import { actorOf } from './runs';
import { analyzeAfterRun } from './analyze';
import { finishRun, startRun } from './run-life';
import { ACCOUNT_FIELDS, EVENT_FIELDS } from './schemas';
import { openSource } from './source';
import {
  IngestInputError,
  type IngestKind,
  type IngestOptions,
  type IngestSource,
  type IngestSummary,
} from './types';

/**
 * Rows per batch transaction and lane. 25k rather than 10k: a batch re-touches the same per-account
 * rollup rows (indicators, days), so bigger batches write fewer of them, while the rows wait as
 * COPY text in arenas and keep the memory in bounds (measured: docs/performance.md, "Figures in
 * design choices").
 */
export const DEFAULT_BATCH_SIZE = 25_000;

/** The whole ingest: source → lines → records → validated rows → batch transactions. */
export async function runIngest(
  kind: IngestKind,
  source: IngestSource,
  opts: IngestOptions,
): Promise<IngestSummary> {
  const t0 = Date.now();
  const maxLine = opts.maxLineBytes ?? 1 << 20;
  const src = await openSource(source, {
    format: opts.format,
    maxBytes: opts.maxBytes,
    gunzip: { maxBytes: opts.maxDecompressedBytes, maxRatio: opts.maxGzipRatio },
    requiredColumn: REQUIRED[kind][0],
    name: opts.sourceName,
  });
  const actor = actorOf(opts.actor);
  const s: IngestSummary = {
    runId: '',
    kind,
    format: src.format,
    lines: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    committedThrough: 0,
    errors: [],
    elapsedMs: 0,
    batches: { direct: 0, staged: 0 },
  };
  const pglite = await isPglite(opts.pool);
  // PGlite keeps the batch size its demo load was measured with (docs/performance.md#pglite)
  const batchSize = opts.batchSize ?? (pglite ? 10_000 : DEFAULT_BATCH_SIZE);
  // One lane per connection (lanes.ts); PGlite serves one connection at a time.
  const nLanes = pglite ? 1 : Math.max(1, opts.lanes ?? env().INGEST_LANES);
  // The run opens, and closes, on lane 0's connection: it never needs one connection more than
  // its lanes, so runs that hold a whole pool between them cannot wait on each other for one.
  const lanes = await openLanes(
    opts.pool,
    nLanes,
    {
      kind,
      runId: '',
      source: src.name,
      useCopy: !pglite && opts.useCopy !== false,
      columns: kind === 'events' ? EVENT_ROW_COLUMNS : ACCOUNT_STAGE_COLUMNS,
      ensured: new Set(),
      timings: { stage: 0, merge: 0, commit: 0 },
      guard: opts.guard,
    },
    (c) => prepareSession(c, pglite),
  );
  let broken = false;
  let closed = false;
  const state: { failure: unknown } = { failure: null };
  const frontier = new CommitFrontier();
  try {
    s.runId = await startRun(lanes[0].client, kind, src.name, actor, opts.requestId);
    for (const lane of lanes) lane.ctx.runId = s.runId;
    let wait = 0;
    const done = (b: Batch, { inserted, direct, refused }: FlushResult) => {
      frontier.committed(b);
      if (stagedRows(b)) s.batches[direct ? 'direct' : 'staged']++;
      s.lines += b.lines;
      s.accepted += inserted;
      s.duplicates += stagedRows(b) - inserted - refused.length;
      s.rejected += b.quarantine.length + refused.length;
      for (const q of refused) noteError(s.errors, q);
      opts.onProgress?.({
        ...counts(s),
        bytesRead: src.bytesRead(),
        bytesTotal: src.bytesTotal,
        elapsedMs: Date.now() - t0,
      });
    };
    // Pipelining: the database merges each lane's batch k while this thread parses batch k+1.
    const send = async (lane: Lane) => {
      const tw = Date.now();
      frontier.sent(lane.batch);
      await submit(lane, done, state);
      wait += Date.now() - tw;
    };
    const lines = splitLineGroups(src.chunks, maxLine);
    const records: AsyncIterable<RawLine[]> =
      src.format === 'csv' ? csvRecords(lines, maxLine) : lines;
    try {
      await feed(records, {
        kind,
        format: src.format,
        known: kind === 'events' ? EVENT_FIELDS : ACCOUNT_FIELDS,
        hashOnly: (opts.promptStorage ?? env().PROMPT_STORAGE) === 'hash',
        maxLine,
        batchSize,
        batchBytes: opts.batchBytes ?? env().INGEST_BATCH_MAX_BYTES,
        lanes,
        keyAt: (kind === 'events' ? EVENT_STAGE_COLUMNS : ACCOUNT_STAGE_COLUMNS).indexOf(
          'account_id',
        ),
        errors: s.errors,
        send,
        read: (no) => (frontier.lastLine = no),
      });
    } catch (e) {
      if (
        e instanceof IngestInputError ||
        !/^Z_|ERR_/.test(String((e as { code?: string }).code ?? ''))
      )
        throw e;
      throw new IngestInputError('unsupported_format', `unreadable input: ${(e as Error).message}`);
    }
    for (const lane of lanes) if (lane.batch.lines) await send(lane);
    await drain(lanes);
    if (state.failure) throw state.failure;
    s.elapsedMs = Date.now() - t0;
    s.committedThrough = frontier.through(lanes);
    s.timings = { ...lanes[0].ctx.timings, wait, parse: s.elapsedMs - wait };
    await finishRun(lanes[0].client, s, 'done', actor, opts.requestId);
    closed = true;
    // After the run is closed: its rows are committed whatever happens to the statistics.
    const ta = Date.now();
    s.analyzed = await analyzeAfterRun(
      lanes.map((l) => l.client),
      kind,
      s.accepted,
      lanes[0].ctx.ensured,
    ).catch((e: Error) => {
      console.error(`[ingest] ANALYZE after run ${s.runId} failed: ${e.message}`);
      return [];
    });
    s.analyzeMs = Date.now() - ta;
    return s;
  } catch (e) {
    broken = !(e instanceof IngestInputError);
    await drain(lanes); // never rejects (failures are captured), and the clients must be idle
    s.elapsedMs = Date.now() - t0;
    s.committedThrough = frontier.through(lanes);
    if (s.runId)
      await finishRun(
        lanes[0].client,
        s,
        'failed',
        actor,
        opts.requestId,
        (e as Error).message,
      ).then(
        () => (closed = true),
        () => undefined,
      );
    if (e instanceof IngestInputError) e.summary = s;
    throw e;
  } finally {
    // A run not closed still holds its liveness lock on lane 0 (run-life.ts): that connection is
    // ended rather than pooled, which frees the lock and lets the sweep close the run.
    for (const [i, lane] of lanes.entries()) releaseLane(lane, broken || (i === 0 && !closed));
  }
}

const counts = (s: IngestSummary) => ({
  lines: s.lines,
  accepted: s.accepted,
  duplicates: s.duplicates,
  rejected: s.rejected,
});
