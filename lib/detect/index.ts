import type { Pool } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { SYSTEM_ACTOR, writeAudit, type AuditActor } from '@/lib/audit/write';
import { coverageBand, signalBaselines } from './baseline';
import { loadCoverage } from './load-coverage';
import { loadDaily } from './load-daily';
import { loadTemplates } from './load-templates';
import { scoreAccounts } from './score-accounts';
import { scoreClusters } from './score-clusters';
import { loadSettings, type DetectSettings } from './settings';
import { SIGNAL_IDS } from './signal-defs';
import { writeResults, type AccountScoreRow } from './write-results';

export { loadSettings, DEFAULT_SETTINGS, SETTINGS_KEY, type DetectSettings } from './settings';

export interface DetectProgress { stage: string; done: number; total: number; elapsedMs: number }
export interface DetectSummary {
  runId: string; accounts: number; flaggedAccounts: number; clusters: number; flaggedClusters: number;
  newFlags: number; elapsedMs: number; stageMs: Record<string, number>;
}

/**
 * Full recompute from the rollups: signals → account risk → clusters → cluster risk → flags, written
 * in one transaction with a 'detect.run' audit row. Cheap enough to call after every ingest batch.
 */
export async function runDetection(pool: Pool, opts: { onProgress?: (p: DetectProgress) => void; actor?: AuditActor; settings?: DetectSettings } = {}): Promise<DetectSummary> {
  const t0 = Date.now();
  const stageMs: Record<string, number> = {};
  let last = t0;
  const step = (stage: string, done = 1, total = 1) => {
    opts.onProgress?.({ stage, done, total, elapsedMs: Date.now() - t0 });
    if (done === total) { stageMs[stage] = Date.now() - last; last = Date.now(); }
  };
  const run = await pool.query<{ id: string }>(`INSERT INTO detect_runs (status) VALUES ('running') RETURNING id::text AS id`);
  const runId = run.rows[0].id;
  try {
    const s = opts.settings ?? (await loadSettings(pool));
    const [daily, cov, tpl] = await Promise.all([loadDaily(pool), loadCoverage(pool), loadTemplates(pool)]);
    step('load rollups');
    const { results, baseline } = scoreAccounts(daily, cov, tpl, s);
    step('score accounts');
    const { clusters } = await scoreClusters(pool, results, s, (d, t) => step('clusters', d, t));
    step('clusters');
    const clusterOf = new Map(clusters.flatMap((k) => k.member_ids.map((m) => [m, k] as const)));
    const accounts: AccountScoreRow[] = results.map((r) => {
      const k = clusterOf.get(r.id);
      const viaCluster = !!k?.flagged && !r.flagged;
      const contributions = k ? { ...r.contributions, cluster: { value: k.risk, evidence: k.flagged ? 1 : 0, weight: 0, contribution: 0 } } : r.contributions;
      return {
        account_id: r.id, risk: viaCluster ? Math.max(r.risk, k!.risk) : r.risk, flagged: r.flagged || viaCluster,
        cluster_id: k?.id ?? null, reasons: viaCluster ? [`Member of flagged cluster ${k!.id} (${k!.members} accounts)`, ...r.reasons] : r.reasons,
        contributions, signals: r.values, events: r.daily.events, coverage: (r.values.coverage_tax as number) ?? 0,
        first_seen: new Date(r.daily.firstTs).toISOString(), last_seen: new Date(r.daily.lastTs).toISOString(),
      };
    });
    const flaggedIds = new Set(accounts.filter((a) => a.flagged).map((a) => a.account_id));
    const benign = results.filter((r) => !flaggedIds.has(r.id));
    const band = coverageBand(benign.filter((r) => r.cov).map((r) => ({ events: r.daily.events, cov: r.cov! })));
    const baselines = signalBaselines(benign.map((r) => r.values), SIGNAL_IDS);
    step('baselines');
    const client = await pool.connect();
    let newFlags = 0;
    try {
      await client.query('BEGIN');
      ({ newFlags } = await writeResults(client, runId, { accounts, clusters, band, baselines }));
      const stats = {
        accounts: accounts.length, flaggedAccounts: accounts.filter((a) => a.flagged).length, clusters: clusters.length,
        flaggedClusters: clusters.filter((k) => k.flagged).length, newFlags, baselineMedians: Object.keys(baseline).length,
      };
      await client.query(`UPDATE detect_runs SET status = 'done', finished_at = now(), stats = $2::jsonb WHERE id = $1`, [runId, JSON.stringify({ ...stats, stageMs })]);
      await writeAudit(pgRunner(client), { actor: opts.actor ?? SYSTEM_ACTOR, action: 'detect.run', targetType: 'detect_run', targetId: runId, after: { ...stats, settings: s } });
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    step('write');
    return {
      runId, accounts: accounts.length, flaggedAccounts: accounts.filter((a) => a.flagged).length, clusters: clusters.length,
      flaggedClusters: clusters.filter((k) => k.flagged).length, newFlags, elapsedMs: Date.now() - t0, stageMs,
    };
  } catch (e) {
    await pool.query(`UPDATE detect_runs SET status = 'failed', finished_at = now(), stats = $2::jsonb WHERE id = $1`, [runId, JSON.stringify({ error: (e as Error).message })]).catch(() => undefined);
    throw e;
  }
}
