import { env } from '@/lib/env';
import { toAccountRow, ACCOUNT_STAGE_COLUMNS } from './account-row';
import { flushBatch, newBatch, reject, type Batch, type FlushContext } from './batch';
import { csvRecords, splitCsvRecord } from './csv';
import { isPglite, prepareSession } from './db';
import { EVENT_STAGE_COLUMNS, toEventRow, type RowResult } from './event-row';
import { splitLines, type RawLine } from './lines';
import { parseCsvLine, parseJsonLine } from './record';
import { actorOf, finishRun, startRun } from './runs';
import { ACCOUNT_FIELDS, EVENT_FIELDS, type FieldKind } from './schemas';
import { openSource } from './source';
import { IngestInputError, type IngestKind, type IngestOptions, type IngestSource, type IngestSummary, type LineError } from './types';

const REQUIRED: Record<IngestKind, string[]> = { events: ['id', 'ts', 'account_id', 'model'], accounts: ['account_id'] };

/** The whole ingest: source → lines → records → validated rows → batch transactions. */
export async function runIngest(kind: IngestKind, source: IngestSource, opts: IngestOptions): Promise<IngestSummary> {
  const t0 = Date.now();
  const maxLine = opts.maxLineBytes ?? 1 << 20;
  const batchSize = opts.batchSize ?? 10_000;
  const known: Record<string, FieldKind> = kind === 'events' ? EVENT_FIELDS : ACCOUNT_FIELDS;
  const hashOnly = (opts.promptStorage ?? env().PROMPT_STORAGE) === 'hash';
  const src = await openSource(source, { format: opts.format, maxBytes: opts.maxBytes, requiredColumn: REQUIRED[kind][0], name: opts.sourceName });
  const actor = actorOf(opts.actor);
  const runId = await startRun(opts.pool, kind, src.name, actor);
  const errors: LineError[] = [];
  const s: IngestSummary = { runId, kind, format: src.format, lines: 0, accepted: 0, duplicates: 0, rejected: 0, errors, elapsedMs: 0 };
  const client = await opts.pool.connect();
  let broken = false;
  let inflight: Promise<void> | null = null;
  try {
    const pglite = await isPglite(client);
    await prepareSession(client, pglite);
    const ctx: FlushContext = {
      client, kind, runId, source: src.name, useCopy: !pglite && opts.useCopy !== false,
      columns: kind === 'events' ? EVENT_STAGE_COLUMNS : ACCOUNT_STAGE_COLUMNS, ensured: new Set(),
      timings: { stage: 0, merge: 0, commit: 0 },
    };
    let wait = 0;
    // Pipelining: the database merges batch k while this thread parses batch k+1.
    let failure: unknown = null;
    const submit = async (b: Batch) => {
      const tw = Date.now();
      if (inflight) await inflight;
      wait += Date.now() - tw;
      if (failure) throw failure;
      inflight = flushBatch(ctx, b).then((inserted) => {
        s.lines += b.lines;
        s.accepted += inserted;
        s.duplicates += b.rows.length - inserted;
        s.rejected += b.quarantine.length;
        opts.onProgress?.({ ...counts(s), bytesRead: src.bytesRead(), bytesTotal: src.bytesTotal, elapsedMs: Date.now() - t0 });
      }, (e) => { failure = e; });
    };
    let header: string[] | null = null;
    let b = newBatch();
    const lines = splitLines(src.chunks, maxLine);
    const records: AsyncIterable<RawLine> = src.format === 'csv' ? csvRecords(lines, maxLine) : lines;
    try {
      for await (const l of records) {
        if (src.format === 'csv' && !header) {
          header = splitCsvRecord((l.text ?? '').replace(/^\uFEFF/, '')).map((h) => h.trim());
          const missing = REQUIRED[kind].filter((c) => !header?.includes(c));
          if (missing.length) throw new IngestInputError('bad_header', `CSV header lacks required column(s): ${missing.join(', ')}`);
          continue;
        }
        if (l.text !== null && l.text.trim() === '') continue; // blank lines are not records
        b.lines++;
        // Let the event loop run now and then, so the in-flight batch's round trips to the database
        // progress while this loop parses (for await over buffered lines alone never yields to I/O).
        if (inflight && (b.lines & 63) === 0) await new Promise<void>((r) => setImmediate(r));
        if (l.text === null) reject(b, errors, l.head, l.no, undefined, `line ${l.no}: longer than ${maxLine} bytes (${l.bytes} bytes)`, true);
        else {
          const p = src.format === 'csv' ? parseCsvLine(l.text, header ?? [], known) : parseJsonLine(l.text, known);
          const r: RowResult = !p.ok ? p : kind === 'events' ? toEventRow(p.rec, p.extra, l.no, hashOnly) : toAccountRow(p.rec, p.extra, l.no);
          if (!r.ok) reject(b, errors, l.text, l.no, r.field, `line ${l.no}: ${r.reason}`);
          else {
            b.rows.push(r.row);
            if (kind === 'events') b.months.add(new Date(r.ms).toISOString().slice(0, 7));
          }
        }
        if (b.rows.length + b.quarantine.length >= batchSize) { await submit(b); b = newBatch(); }
      }
    } catch (e) {
      if (e instanceof IngestInputError || !/^Z_|ERR_/.test(String((e as { code?: string }).code ?? ''))) throw e;
      throw new IngestInputError('unsupported_format', `unreadable input: ${(e as Error).message}`);
    }
    await submit(b);
    await inflight;
    if (failure) throw failure;
    s.elapsedMs = Date.now() - t0;
    s.timings = { ...ctx.timings, wait, parse: s.elapsedMs - wait };
    await finishRun(opts.pool, s, 'done', actor, opts.requestId);
    return s;
  } catch (e) {
    broken = !(e instanceof IngestInputError);
    await inflight; // never rejects (failures are captured), and the client must be idle
    s.elapsedMs = Date.now() - t0;
    await finishRun(opts.pool, s, 'failed', actor, opts.requestId, (e as Error).message).catch(() => undefined);
    if (e instanceof IngestInputError) e.summary = s;
    throw e;
  } finally {
    client.release(broken);
  }
}

const counts = (s: IngestSummary) => ({ lines: s.lines, accepted: s.accepted, duplicates: s.duplicates, rejected: s.rejected });
