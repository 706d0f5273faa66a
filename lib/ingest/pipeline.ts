import { env } from '@/lib/env';
import { toAccountRow, ACCOUNT_STAGE_COLUMNS } from './account-row';
import { reject, stagedRows, type Batch } from './batch';
import { csvRecords, splitCsvRecord } from './csv';
import { isPglite, prepareSession } from './db';
import { EVENT_STAGE_COLUMNS, toEventRow, type RowResult } from './event-row';
import { addRow, batchRows, drain, laneOf, openLanes, submit, type Lane } from './lanes';
import { splitLines, type RawLine } from './lines';
import { EVENT_ROW_COLUMNS } from './sql-events';
import { parseCsvLine, parseJsonLine } from './record';
import { actorOf, finishRun, startRun } from './runs';
import { ACCOUNT_FIELDS, EVENT_FIELDS, type FieldKind } from './schemas';
import { openSource } from './source';
import {
  IngestInputError,
  type IngestKind,
  type IngestOptions,
  type IngestSource,
  type IngestSummary,
  type LineError,
} from './types';

/**
 * Rows per batch transaction and lane. 25k rather than 10k: a batch re-touches the same per-account
 * rollup rows (indicators, days), so bigger batches write fewer of them, while the rows wait as
 * COPY text in arenas and keep the memory in bounds (measured: docs/performance.md, "Figures in
 * design choices").
 */
export const DEFAULT_BATCH_SIZE = 25_000;

const REQUIRED: Record<IngestKind, string[]> = {
  events: ['id', 'ts', 'account_id', 'model'],
  accounts: ['account_id'],
};

/** The whole ingest: source → lines → records → validated rows → batch transactions. */
export async function runIngest(
  kind: IngestKind,
  source: IngestSource,
  opts: IngestOptions,
): Promise<IngestSummary> {
  const t0 = Date.now();
  const maxLine = opts.maxLineBytes ?? 1 << 20;
  const known: Record<string, FieldKind> = kind === 'events' ? EVENT_FIELDS : ACCOUNT_FIELDS;
  const hashOnly = (opts.promptStorage ?? env().PROMPT_STORAGE) === 'hash';
  const src = await openSource(source, {
    format: opts.format,
    maxBytes: opts.maxBytes,
    requiredColumn: REQUIRED[kind][0],
    name: opts.sourceName,
  });
  const actor = actorOf(opts.actor);
  const runId = await startRun(opts.pool, kind, src.name, actor);
  const errors: LineError[] = [];
  const s: IngestSummary = {
    runId,
    kind,
    format: src.format,
    lines: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    errors,
    elapsedMs: 0,
    batches: { direct: 0, staged: 0 },
  };
  const pglite = await isPglite(opts.pool);
  // PGlite keeps the batch size its demo load was measured with (docs/performance.md#pglite)
  const batchSize = opts.batchSize ?? (pglite ? 10_000 : DEFAULT_BATCH_SIZE);
  // One lane per connection (lanes.ts); PGlite serves one connection at a time.
  const nLanes = pglite ? 1 : Math.max(1, opts.lanes ?? env().INGEST_LANES);
  const keyAt =
    kind === 'events'
      ? EVENT_STAGE_COLUMNS.indexOf('account_id')
      : ACCOUNT_STAGE_COLUMNS.indexOf('account_id');
  let lanes: Lane[] = [];
  let broken = false;
  const state: { failure: unknown } = { failure: null };
  try {
    lanes = await openLanes(
      opts.pool,
      nLanes,
      {
        kind,
        runId,
        source: src.name,
        useCopy: !pglite && opts.useCopy !== false,
        columns: kind === 'events' ? EVENT_ROW_COLUMNS : ACCOUNT_STAGE_COLUMNS,
        ensured: new Set(),
        timings: { stage: 0, merge: 0, commit: 0 },
      },
      (c) => prepareSession(c, pglite),
    );
    let wait = 0;
    const done = (b: Batch, { inserted, direct }: { inserted: number; direct: boolean }) => {
      if (stagedRows(b)) s.batches[direct ? 'direct' : 'staged']++;
      s.lines += b.lines;
      s.accepted += inserted;
      s.duplicates += stagedRows(b) - inserted;
      s.rejected += b.quarantine.length;
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
      await submit(lane, done, state);
      wait += Date.now() - tw;
    };
    let seen = 0;
    let header: string[] | null = null;
    const lines = splitLines(src.chunks, maxLine);
    const records: AsyncIterable<RawLine> =
      src.format === 'csv' ? csvRecords(lines, maxLine) : lines;
    try {
      for await (const l of records) {
        if (src.format === 'csv' && !header) {
          header = splitCsvRecord((l.text ?? '').replace(/^\uFEFF/, '')).map((h) => h.trim());
          const missing = REQUIRED[kind].filter((c) => !header?.includes(c));
          if (missing.length)
            throw new IngestInputError(
              'bad_header',
              `CSV header lacks required column(s): ${missing.join(', ')}`,
            );
          continue;
        }
        // blank lines are not records (trim only when the line starts with white space: it copies)
        if (
          l.text !== null &&
          (l.text.length === 0 || (l.text.charCodeAt(0) <= 32 && l.text.trim() === ''))
        )
          continue;
        // Let the event loop run now and then, so the in-flight batches' round trips to the database
        // progress while this loop parses (for await over buffered lines alone never yields to I/O).
        if ((++seen & 63) === 0) await new Promise<void>((r) => setImmediate(r));
        let lane = lanes[0]; // rejected lines are quarantined by lane 0
        if (l.text === null)
          reject(
            lane.batch,
            errors,
            l.head,
            l.no,
            undefined,
            `line ${l.no}: longer than ${maxLine} bytes (${l.bytes} bytes)`,
            true,
          );
        else {
          const p =
            src.format === 'csv'
              ? parseCsvLine(l.text, header ?? [], known)
              : parseJsonLine(l.text, known);
          const r: RowResult = !p.ok
            ? p
            : kind === 'events'
              ? toEventRow(p.rec, p.extra, l.no, hashOnly)
              : toAccountRow(p.rec, p.extra, l.no);
          if (!r.ok) reject(lane.batch, errors, l.text, l.no, r.field, `line ${l.no}: ${r.reason}`);
          else {
            lane = lanes[laneOf(r.row[keyAt] as string, nLanes)];
            addRow(lane, r.row);
            if (kind === 'events') lane.batch.months.add((r.row[2] as string).slice(0, 7)); // ts is ISO (toISOString form)
          }
        }
        lane.batch.lines++;
        if (batchRows(lane.batch) >= batchSize) await send(lane);
      }
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
    s.timings = { ...lanes[0].ctx.timings, wait, parse: s.elapsedMs - wait };
    await finishRun(opts.pool, s, 'done', actor, opts.requestId);
    return s;
  } catch (e) {
    broken = !(e instanceof IngestInputError);
    await drain(lanes); // never rejects (failures are captured), and the clients must be idle
    s.elapsedMs = Date.now() - t0;
    await finishRun(opts.pool, s, 'failed', actor, opts.requestId, (e as Error).message).catch(
      () => undefined,
    );
    if (e instanceof IngestInputError) e.summary = s;
    throw e;
  } finally {
    for (const lane of lanes) lane.client.release(broken);
  }
}

const counts = (s: IngestSummary) => ({
  lines: s.lines,
  accepted: s.accepted,
  duplicates: s.duplicates,
  rejected: s.rejected,
});
