import { withPgTransaction } from '@/lib/db/transaction';
import type { Pool } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { SYSTEM_ACTOR, writeAudit, type AuditActor } from '@/lib/audit/write';
import { detectCore } from './core';
import type { DetectSettings } from './settings';
import { loadSettingsVersioned } from './settings-store';
import { writeResults, type DetectOutput } from './write-results';
import { writeClusterRollups } from './cluster-rollups';
import { routeFlagsAfterDetection } from '@/lib/queues/route-flags';
import { acquireDetectLock } from './run-lock';
import { detectSinceLast } from './incremental';
import { ingestHighWater, partsMark, writePopulation } from './since-last';
import { writeIncremental } from './write-incremental';
import { writeLinkState } from './link-state';
import { writeMemberResults } from './member-results';
import { analyzeDetectionTables } from './analyze';

export { loadSettings, type DetectSettings } from './settings';

export interface DetectProgress {
  stage: string;
  done: number;
  total: number;
  elapsedMs: number;
}
export interface DetectSummary {
  runId: string;
  accounts: number;
  flaggedAccounts: number;
  clusters: number;
  flaggedClusters: number;
  newFlags: number;
  /** clusters of the previous run that no longer exist (their open flags were closed) */
  vanishedClusters: number;
  /** detect_settings_versions.version in force (null = code defaults) */
  settingsVersion: number | null;
  /** runs a killed process had left 'running', marked 'aborted' by this run */
  abortedRuns: string[];
  /** 'since_last': only the accounts touched since the last run (and their clusters) were rescored */
  mode: 'full' | 'since_last';
  /** since_last: accounts that received events since the last run */
  touched?: number;
  /** since_last: 'partial' (only the components the touched accounts reach were relinked) or why all were */
  linking?: string;
  /** since_last: accounts relinked */
  relinked?: number;
  /** since_last: cluster members rescored from their stored own result (rollups not read) */
  reused?: number;
  elapsedMs: number;
  stageMs: Record<string, number>;
}

/**
 * Full recompute from the rollups (lib/detect/core.ts), written in one transaction together with
 * the 'detect.run' audit row. Cheap enough to call after every ingest batch or on a schedule.
 * `sinceLast`: only the accounts that received events since the last successful run, and the
 * clusters they belong to or link to, judged against the last full run's population (incremental.ts).
 */
export async function runDetection(
  pool: Pool,
  opts: {
    onProgress?: (p: DetectProgress) => void;
    actor?: AuditActor;
    settings?: DetectSettings;
    sinceLast?: boolean;
  } = {},
): Promise<DetectSummary> {
  const t0 = Date.now();
  const stageMs: Record<string, number> = {};
  let last = t0;
  const step = (stage: string, done = 1, total = 1) => {
    opts.onProgress?.({ stage, done, total, elapsedMs: Date.now() - t0 });
    if (done === total && stageMs[stage] === undefined) {
      stageMs[stage] = Date.now() - last;
      last = Date.now();
    }
  };
  const lock = await acquireDetectLock(pool, () => step('waiting for another detection run'));
  try {
    return await runLocked(pool, opts, lock.swept, t0, step, stageMs);
  } finally {
    await lock.release();
  }
}

async function runLocked(
  pool: Pool,
  opts: { actor?: AuditActor; settings?: DetectSettings; sinceLast?: boolean },
  abortedRuns: string[],
  t0: number,
  step: (stage: string, done?: number, total?: number) => void,
  stageMs: Record<string, number>,
): Promise<DetectSummary> {
  const mode: DetectSummary['mode'] = opts.sinceLast ? 'since_last' : 'full';
  const parts = await partsMark(pool); // before the run starts (since-last.ts)
  const run = await pool.query<{ id: string }>(
    `INSERT INTO detect_runs (status, mode, ingest_hwm, parts_mark) VALUES ('running', $1, $2::bigint, $3::bigint) RETURNING id::text AS id`,
    [mode, await ingestHighWater(pool), parts],
  );
  const runId = run.rows[0].id;
  try {
    const { settings: s, version } = opts.settings
      ? { settings: opts.settings, version: null }
      : await loadSettingsVersioned(pool);
    await pool.query(`UPDATE detect_runs SET settings_version = $2 WHERE id = $1`, [
      runId,
      version,
    ]);
    const inc = opts.sinceLast ? await detectSinceLast(pool, s, step) : null;
    const out = inc ?? (await detectCore(pool, s, step));
    const stats = {
      mode,
      ...(inc
        ? {
            touched: inc.touchedIds.length,
            sinceRun: inc.sinceRun,
            linking: inc.linkMode,
            relinked: inc.relinked,
          }
        : {}),
      accounts: out.accounts.length,
      flaggedAccounts: out.accounts.filter((a) => a.flagged).length,
      clusters: out.clusters.length,
      flaggedClusters: out.clusters.filter((k) => k.flagged).length,
      newFlags: 0,
      vanishedClusters: 0,
      settingsVersion: version,
      abortedRuns,
    };
    await withPgTransaction(pool, async (client) => {
      const w = inc
        ? await writeIncremental(client, runId, inc, step)
        : await writeResults(client, runId, out as DetectOutput);
      if (!inc) await writePopulation(client, runId); // what a later --since-last run judges against
      const linkState = inc ? inc.linkState : out.linkState;
      if (linkState) await writeLinkState(client, runId, linkState); // what it relinks from
      const members = inc ? inc.memberResults : out.memberResults;
      if (members) await writeMemberResults(client, runId, members, inc ? inc.rescored : 'all');
      step('write state');
      stats.newFlags = w.newFlags;
      stats.vanishedClusters = w.vanished.length;
      if (!inc) await writeClusterRollups(client, runId); // the cluster page's coverage, timeline, matrix
      await routeFlagsAfterDetection(client, runId); // new and re-opened flags into queues
      await client.query(
        `UPDATE detect_runs SET status = 'done', finished_at = now(), stats = $2::jsonb WHERE id = $1`,
        [
          runId,
          JSON.stringify({
            ...stats,
            stageMs,
            link: linkState?.meta,
            reused: inc?.reused,
            rollups: 'rollups' in w ? w.rollups : undefined,
          }),
        ],
      );
      await writeAudit(pgRunner(client), {
        actor: opts.actor ?? SYSTEM_ACTOR,
        action: 'detect.run',
        targetType: 'detect_run',
        targetId: runId,
        after: { ...stats, settings: s },
      });
    });
    step('write');
    if (!inc) {
      await analyzeDetectionTables(pool, (m) => console.warn(m)); // planner statistics: analyze.ts
      step('analyze');
    }
    return { runId, ...stats, reused: inc?.reused, elapsedMs: Date.now() - t0, stageMs };
  } catch (e) {
    await pool
      .query(
        `UPDATE detect_runs SET status = 'failed', finished_at = now(), stats = $2::jsonb WHERE id = $1`,
        [runId, JSON.stringify({ error: (e as Error).message })],
      )
      .catch(() => undefined);
    throw e;
  }
}
