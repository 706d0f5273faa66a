import { inClientTransaction } from '@/lib/db/transaction';
import type { Pool, PoolClient } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { writeAudit, type AuditActor } from '@/lib/audit/write';
import type { IngestKind, IngestSummary } from './types';

// A run's life in ingest_runs and the audit log. It starts with an 'ingest.start' row and ends
// with 'ingest.run' (done or failed); a run whose process died in between (SIGKILL, a crash, a
// machine lost) is found by sweepStaleRuns and closed as 'aborted' with an 'ingest.abort' row, so
// batches it committed are never without an audit row, and no run stays 'running' for good.
//
// Liveness is a session advisory lock on the run id, held by the run's lane 0 connection from the
// transaction that creates the run until it closes: Postgres frees it when that connection ends,
// however the process died. (PGlite serves every connection from one session, where the lock
// cannot tell runs apart: sweep it only at start-up, before anything ingests — scripts/start.ts.)
const LOCK_SPACE = 0x16e57; // the advisory lock's first key: "ingest runs"
const LOCK_ARGS = `$1::int, ($2::bigint % 2147483647)::int`;

/** Opens the run on one of its own lane connections (so a run never needs a connection more). */
export async function startRun(
  client: PoolClient,
  kind: IngestKind,
  source: string,
  actor: AuditActor,
  requestId?: string,
): Promise<string> {
  return inClientTransaction(client, async () => {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO ingest_runs (kind, source, actor) VALUES ($1, $2, $3) RETURNING id::text AS id',
      [kind, source, actor.email ?? actor.id],
    );
    const runId = rows[0].id;
    await client.query(`SELECT pg_advisory_lock(${LOCK_ARGS})`, [LOCK_SPACE, runId]);
    await writeAudit(pgRunner(client), {
      actor,
      action: 'ingest.start',
      targetType: 'ingest_run',
      targetId: runId,
      requestId,
      after: { runId, kind, source },
    });
    return runId;
  });
}

/**
 * Closes the run and writes its 'ingest.run' audit row in the same transaction, on a lane
 * connection the run already holds: taking one more from the pool at the end let concurrent runs
 * that held every connection wait on each other for good. Then frees the run's liveness lock
 * (a session lock would otherwise outlive the run on the pooled connection).
 */
export async function finishRun(
  client: PoolClient,
  s: IngestSummary,
  status: 'done' | 'failed',
  actor: AuditActor,
  requestId?: string,
  error?: string,
): Promise<void> {
  await inClientTransaction(client, async () => {
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
  });
  await releaseRunLock(client, s.runId);
}

export async function releaseRunLock(client: PoolClient, runId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${LOCK_ARGS})`, [LOCK_SPACE, runId]);
}

interface StaleRun {
  id: string;
  kind: string;
  source: string;
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  started_at: Date;
}

/**
 * Closes every 'running' run whose process is gone (its liveness lock is free) as 'aborted', with
 * an 'ingest.abort' audit row recording what its committed batches hold. Live runs are left alone.
 * Returns the ids closed.
 */
export async function sweepStaleRuns(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id::text AS id FROM ingest_runs WHERE status = 'running' ORDER BY id`,
  );
  const closed: string[] = [];
  for (const { id } of rows) {
    const client = await pool.connect();
    try {
      const run = await inClientTransaction(client, async () => {
        const lock = await client.query<{ free: boolean }>(
          `SELECT pg_try_advisory_xact_lock(${LOCK_ARGS}) AS free`,
          [LOCK_SPACE, id],
        );
        if (!lock.rows[0].free) return null; // its process still holds it: alive
        const r = await client.query<StaleRun>(
          `UPDATE ingest_runs SET status = 'aborted', finished_at = now()
           WHERE id = $1::bigint AND status = 'running'
           RETURNING id::text AS id, kind, source, lines, accepted, duplicates, rejected, started_at`,
          [id],
        );
        const x = r.rows[0];
        if (!x) return null;
        await writeAudit(pgRunner(client), {
          actor: { id: null, email: 'system' },
          action: 'ingest.abort',
          targetType: 'ingest_run',
          targetId: id,
          reason: 'the ingest process ended without closing its run (killed or crashed)',
          after: {
            runId: id,
            kind: x.kind,
            source: x.source,
            lines: x.lines,
            accepted: x.accepted,
            duplicates: x.duplicates,
            rejected: x.rejected,
            startedAt: x.started_at.toISOString(),
            status: 'aborted',
          },
        });
        return x;
      });
      if (run) closed.push(run.id);
    } finally {
      client.release();
    }
  }
  return closed;
}
