import type { PoolClient } from 'pg';
import { writeAudit, type AuditActor } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import type { IngestKind, IngestSummary } from './types';

export function actorOf(a: string | AuditActor | undefined): AuditActor {
  if (!a) return { id: null, email: 'cli' };
  return typeof a === 'string' ? { id: null, email: a } : a;
}

/** Opens the run on one of its own lane connections (so a run never needs a connection more). */
export async function startRun(
  client: PoolClient,
  kind: IngestKind,
  source: string,
  actor: AuditActor,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO ingest_runs (kind, source, actor) VALUES ($1, $2, $3) RETURNING id::text AS id',
    [kind, source, actor.email ?? actor.id],
  );
  return rows[0].id;
}

export interface BatchCounts {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}
export interface QuarantineRow {
  line_no: number;
  raw: string;
  truncated: boolean;
  field: string | null;
  reason: string;
}

/** Inside the batch transaction: quarantined lines and the run's counters commit with the rows. */
export async function recordBatch(
  client: PoolClient,
  runId: string,
  kind: IngestKind,
  source: string,
  c: BatchCounts,
  q: QuarantineRow[],
): Promise<void> {
  if (q.length) {
    await client.query(
      `INSERT INTO quarantine (run_id, kind, source, line_no, raw, truncated, field, reason)
       SELECT $1::bigint, $2, $3, line_no, raw, truncated, field, reason
       FROM json_to_recordset($4::json) AS q(line_no int, raw text, truncated boolean, field text, reason text)`,
      [runId, kind, source, JSON.stringify(q)],
    );
  }
  await client.query(
    'UPDATE ingest_runs SET lines = lines + $2, accepted = accepted + $3, duplicates = duplicates + $4, rejected = rejected + $5 WHERE id = $1::bigint',
    [runId, c.lines, c.accepted, c.duplicates, c.rejected],
  );
}

/**
 * Closes the run and writes its 'ingest.run' audit row in the same transaction, on a lane
 * connection the run already holds: taking one more from the pool at the end let concurrent runs
 * that held every connection wait on each other for good.
 */
export async function finishRun(
  client: PoolClient,
  s: IngestSummary,
  status: 'done' | 'failed',
  actor: AuditActor,
  requestId?: string,
  error?: string,
): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      'UPDATE ingest_runs SET finished_at = now(), status = $2 WHERE id = $1::bigint',
      [s.runId, status],
    );
    const { errors, ...counts } = s;
    await writeAudit(pgRunner(client), {
      actor,
      action: 'ingest.run',
      targetType: 'ingest_run',
      targetId: s.runId,
      requestId,
      after: { ...counts, status, firstErrors: errors.slice(0, 5), ...(error ? { error } : {}) },
    });
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
