import { subArena, type Arena } from './arena';
import { flushBatch, newBatch, stagedRows, type Batch, type FlushContext } from './batch';
import { decodeBinaryRow } from './copy-binary-decode';
import { quarantineRow } from './quarantine';
import { EVENT_WIRE_TYPES } from './sql-events';
import type { StageRow } from './event-row';
import type { QuarantineRow } from './runs';

export interface FlushResult {
  inserted: number;
  direct: boolean;
  /** rows the database refused, quarantined with their line numbers */
  refused: QuarantineRow[];
}

/**
 * Errors that one row can cause: bad data (22), a constraint (23: CHECK, NOT NULL, foreign key),
 * a limit (54: an index row too large), or a trigger's RAISE (P0001). Anything else — the
 * connection, a timeout, a deadlock after its retries — is the run's failure, not a row's.
 */
const ROW_ERROR = /^(22|23|54)...$|^P0001$/;
const isRowError = (e: unknown) => ROW_ERROR.test(String((e as { code?: string }).code ?? ''));

/**
 * The last line of defence behind validation: a batch the database refuses is split in halves,
 * each flushed on its own, down to the single rows that fail; those are quarantined with their line
 * numbers and the database's reason, and every other row lands. The first half carries the batch's
 * line count and its already-rejected lines, so the run's counters stay exact. A batch with one bad
 * row costs about 2·log2(rows) extra transactions.
 */
export async function flushSafely(ctx: FlushContext, b: Batch): Promise<FlushResult> {
  try {
    return { ...(await flushBatch(ctx, b)), refused: [] };
  } catch (e) {
    if (!isRowError(e) || stagedRows(b) === 0) throw e;
    if (stagedRows(b) === 1) {
      const refused = refusal(ctx, b, e);
      const alone = { ...split(b, 0, 0), lines: b.lines, quarantine: [...b.quarantine, refused] };
      await flushBatch(ctx, alone);
      return { inserted: 0, direct: false, refused: [refused] };
    }
    const mid = stagedRows(b) >> 1;
    const left = { ...split(b, 0, mid), lines: b.lines, quarantine: b.quarantine };
    const a = await flushSafely(ctx, left);
    const z = await flushSafely(ctx, split(b, mid, stagedRows(b)));
    return {
      inserted: a.inserted + z.inserted,
      direct: a.direct || z.direct,
      refused: [...a.refused, ...z.refused],
    };
  }
}

/** Rows [from, to) of a batch, with no lines or quarantine of its own. */
function split(b: Batch, from: number, to: number): Batch {
  const part = newBatch(subArena(b.body, from, to), subArena(b.slim, from, to));
  part.rows = b.rows.slice(from, to);
  part.lineNos = b.lineNos.slice(from, to);
  part.months = b.months;
  part.firstLine = b.firstLine;
  return part;
}

function refusal(ctx: FlushContext, b: Batch, e: unknown): QuarantineRow {
  const err = e as { message?: string; column?: string; constraint?: string; where?: string };
  const field = err.column ?? /column (\w+)/.exec(err.where ?? '')?.[1];
  const message = String(err.message ?? e).slice(0, 300);
  const constraint =
    err.constraint && !message.includes(err.constraint) ? ` (${err.constraint})` : '';
  const line = b.lineNos[0];
  const raw = b.rows.length
    ? b.rows[0]
    : ctx.kind === 'events'
      ? decodeBinaryRow(b.body, EVENT_WIRE_TYPES)
      : decodeCopyRow(b.body);
  const obj = Object.fromEntries(ctx.columns.map((c, i) => [c, raw[i] ?? null]));
  return quarantineRow(
    JSON.stringify(obj),
    line,
    field,
    `line ${line}: refused by the database: ${message}${constraint}`,
  );
}

const UNESCAPE: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

/** The one row of an accounts arena back from COPY text (encodeCopyRow's inverse). */
function decodeCopyRow(a: Arena): StageRow {
  const text = a.buf.toString('utf8', 0, a.len).replace(/\n$/, '');
  return text
    .split('\t')
    .map((cell) =>
      cell === '\\N' ? null : cell.replace(/\\([\\nrt])/g, (_m, c: string) => UNESCAPE[c]),
    );
}
