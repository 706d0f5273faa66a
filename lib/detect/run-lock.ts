import type { Pool, PoolClient } from 'pg';

// One detection run at a time per database. Two runs writing at once collided on account_score
// (both DELETE, both INSERT the same keys: the second failed and rolled back), and a run killed
// mid-way stayed 'running' in detect_runs for ever. A session advisory lock, held by the run on a
// connection of its own for its whole length, fixes both: a second run waits for the first, and
// whoever holds the lock knows every other 'running' row belongs to a process that is gone (the
// server drops a session's advisory locks when its connection ends, also on SIGKILL).
// The write itself is one transaction (lib/detect/index.ts), so a killed run leaves the previous
// run's results whole. On the embedded PGlite every connection shares one session, so the lock
// does not exclude there (documented in docs/detection.md).
export const DETECT_RUN_LOCK = 0x44574454; // 'DWDT'

export interface DetectLock {
  /** ids of runs left 'running' by processes that ended without finishing (now 'aborted') */
  swept: string[];
  release: () => Promise<void>;
}

export async function acquireDetectLock(pool: Pool, onWait?: () => void): Promise<DetectLock> {
  const client: PoolClient = await pool.connect();
  try {
    const t = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      DETECT_RUN_LOCK,
    ]);
    if (!t.rows[0].ok) {
      onWait?.();
      await client.query('SELECT pg_advisory_lock($1)', [DETECT_RUN_LOCK]);
    }
    const swept = await client.query<{ id: string }>(
      `UPDATE detect_runs SET status = 'aborted', finished_at = now(),
         stats = jsonb_build_object('error', 'the process running it ended before it finished')
       WHERE status = 'running' RETURNING id::text AS id`,
    );
    return {
      swept: swept.rows.map((r) => r.id),
      release: async () => {
        await client.query('SELECT pg_advisory_unlock($1)', [DETECT_RUN_LOCK]).catch(() => {});
        client.release();
      },
    };
  } catch (e) {
    client.release();
    throw e;
  }
}
