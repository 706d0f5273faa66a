import type { Pool } from 'pg';
import { withPgTransaction } from '@/lib/db/transaction';
import { writeAudit } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import type { TExportOptions } from '@/lib/schemas/export';
import type { ExportCutoff } from './cutoff';
import { removeJobFiles } from './paths';

// The worker side of export jobs: claim with SKIP LOCKED (any number of workers: the Next server's
// and CLI runs), heartbeat with progress (which also reads a cancel request), finish, and sweep
// jobs whose worker died. Audit rows name the worker, not a user: nobody clicked "finish".

export interface ClaimedJob {
  id: string;
  case_id: string;
  requested_by: string;
  requested_by_email: string;
  options: TExportOptions;
  created_at: Date;
  /** Fixed on the job's first run (or copied from the original by a rebuild). */
  cutoff: ExportCutoff | null;
  /** The export this job rebuilds (its id names the package), or null. */
  rebuild_of: string | null;
}

const WORKER_ACTOR = { id: null, email: 'export-worker' } as const;
/** A running job whose heartbeat is older than this is taken for dead. */
export const STALE_AFTER_SECONDS = 60;

export async function claimNextJob(
  pool: Pool,
  workerId: string,
  jobId?: string,
): Promise<ClaimedJob | null> {
  const { rows } = await pool.query<ClaimedJob>(
    `UPDATE export_jobs SET status = 'running', started_at = now(), heartbeat_at = now(),
            worker_id = $1, phase = 'scope'
      WHERE id = (SELECT id FROM export_jobs
                   WHERE status = 'queued' AND ($2::uuid IS NULL OR id = $2::uuid)
                   ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id::text, case_id::text, requested_by, requested_by_email, options, created_at,
                cutoff, rebuild_of::text`,
    [workerId, jobId ?? null],
  );
  return rows[0] ?? null;
}

/** Records progress; answers whether a cancel was requested (or the job was swept meanwhile). */
export async function heartbeat(
  pool: Pool,
  jobId: string,
  p: { phase: string; done: number; total: number },
): Promise<{ stop: boolean }> {
  const progress = p.phase === 'done' ? 1 : p.total > 0 ? Math.min(0.99, p.done / p.total) : 0;
  const { rows } = await pool.query<{ cancel_requested: boolean }>(
    `UPDATE export_jobs SET heartbeat_at = now(), phase = $2, events_done = $3, events_total = $4,
            progress = $5 WHERE id = $1 AND status = 'running' RETURNING cancel_requested`,
    [jobId, p.phase, p.done, p.total, progress],
  );
  return { stop: rows.length === 0 || rows[0].cancel_requested };
}

interface Finish {
  status: 'done' | 'failed' | 'cancelled';
  bagPath?: string;
  bagName?: string;
  bytes?: number;
  sha256?: string;
  result?: Record<string, unknown>;
  error?: string;
}

const ACTION = {
  done: 'evidence.export_done',
  failed: 'evidence.export_failed',
  cancelled: 'evidence.export_cancelled',
} as const;

/** Ends a running job and writes its audit row in one transaction. */
export async function finishJob(pool: Pool, job: ClaimedJob, f: Finish): Promise<boolean> {
  return withPgTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE export_jobs SET status = $2, finished_at = now(), heartbeat_at = now(),
              progress = CASE WHEN $2 = 'done' THEN 1 ELSE progress END,
              phase = CASE WHEN $2 = 'done' THEN 'done' ELSE phase END,
              bag_path = $3, bag_name = $4, bag_bytes = $5, bag_sha256 = $6, result = $7::jsonb, error = $8
        WHERE id = $1 AND status = 'running'`,
      [
        job.id,
        f.status,
        f.bagPath ?? null,
        f.bagName ?? null,
        f.bytes ?? null,
        f.sha256 ?? null,
        f.result ? JSON.stringify(f.result) : null,
        f.error ?? null,
      ],
    );
    if (!rowCount) return false; // swept meanwhile: the sweep wrote the audit row
    await writeAudit(pgRunner(client), {
      actor: WORKER_ACTOR,
      action: ACTION[f.status],
      targetType: 'case',
      targetId: job.case_id,
      after: {
        caseId: job.case_id,
        jobId: job.id,
        requestedBy: job.requested_by_email,
        ...(f.status === 'done'
          ? { bagName: f.bagName, bytes: f.bytes, sha256: f.sha256, ...f.result }
          : { error: f.error ?? null }),
      },
    });
    return true;
  });
}

/**
 * Fails running jobs whose heartbeat stopped (the process building them was killed) and removes
 * their partial zip and side files (a SIGKILLed build cleans up nothing itself).
 */
export async function sweepStaleJobs(
  pool: Pool,
  staleSeconds = STALE_AFTER_SECONDS,
): Promise<string[]> {
  return withPgTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      case_id: string;
      requested_by_email: string;
    }>(
      `UPDATE export_jobs SET status = 'failed', finished_at = now(),
              error = 'The build stopped (its process ended) before it finished; nothing was kept'
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
        RETURNING id::text, case_id::text, requested_by_email`,
      [staleSeconds],
    );
    for (const r of rows) {
      await removeJobFiles(r.id);
      await writeAudit(pgRunner(client), {
        actor: WORKER_ACTOR,
        action: 'evidence.export_failed',
        targetType: 'case',
        targetId: r.case_id,
        after: {
          caseId: r.case_id,
          jobId: r.id,
          requestedBy: r.requested_by_email,
          error: 'swept: worker stopped',
        },
      });
    }
    return rows.map((r) => r.id);
  });
}
