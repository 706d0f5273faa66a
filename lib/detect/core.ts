import type { Pool } from 'pg';
import { coverageBand, signalBaselines } from './baseline';
import { loadBands } from './load-bands';
import { fullLinkState } from './link-state';
import { memberResults } from './member-results';
import { loadCoverage } from './load-coverage';
import { runAll } from './run-all';
import { loadDaily } from './load-daily';
import { loadTemplates } from './load-templates';
import { memberReasons, memberVerdict } from './membership';
import { scoreAccounts, type AccountResult, type Population } from './score-accounts';
import { scoreClusters } from './score-clusters';
import type { DetectSettings } from './settings';
import { SIGNAL_IDS } from './signal-defs';
import type { AccountScoreRow, ClusterRow, DetectOutput } from './write-results';

export type Db = Pick<Pool, 'query'>;
export type StepFn = (stage: string, done?: number, total?: number) => void;

/**
 * Everything detection computes, without writing: signals → account risk → clusters → cluster
 * risk → member flags → benign baselines. Reads only unqualified rollup tables, so a replay can
 * shadow them with temporary prefix copies (lib/eval/replay.ts). With a `population`, accounts
 * are judged against it instead of against themselves (what an incremental run reuses).
 */
export async function detectCore(
  db: Db,
  s: DetectSettings,
  step: StepFn = () => {},
  population?: Population,
): Promise<DetectOutput> {
  const cap = Math.max(10, s.maxIndicatorAccounts);
  const [daily, cov, bands] = await runAll(db, [
    () => loadDaily(db),
    () => loadCoverage(db),
    () => loadBands(db, cap),
  ] as const);
  const tpl = await loadTemplates(db, bands.nearDup);
  step('load rollups');
  const { results, ranges } = scoreAccounts(daily, cov, tpl, s, population);
  step('score accounts');
  const { clusters, link } = await scoreClusters(
    db,
    results,
    s,
    bands.frames,
    (d, t) => step('clusters', d, t),
    ranges,
  );
  step('clusters');
  const accounts = accountRows(results, clusters, s);
  const flaggedIds = new Set(accounts.filter((a) => a.flagged).map((a) => a.account_id));
  const benign = results.filter((r) => !flaggedIds.has(r.id));
  const band = coverageBand(
    benign.filter((r) => r.cov).map((r) => ({ events: r.daily.events, cov: r.cov! })),
  );
  const baselines = signalBaselines(
    benign.map((r) => r.values),
    SIGNAL_IDS,
  );
  step('baselines');
  const ids = results.map((r) => r.id);
  const linkState = fullLinkState(ids, link, bands.accountFrames ?? new Map(), s);
  const memberRows = memberResults(
    results,
    clusters.map((k) => k.member_ids),
  );
  return { accounts, clusters, band, baselines, linkState, memberResults: memberRows };
}

/** Each account's row: its own risk, raised by a flagged cluster it is tied to (membership.ts). */
export function accountRows(
  results: AccountResult[],
  clusters: ClusterRow[],
  s: DetectSettings,
): AccountScoreRow[] {
  const clusterOf = new Map(
    clusters.flatMap((k) => k.member_ids.map((m, i) => [m, { k, i }] as const)),
  );
  return results.map((r) => {
    const at = clusterOf.get(r.id);
    const k = at?.k;
    const tie = at ? at.k.member_ties[at.i] : { strength: 0, kinds: 0 };
    const v = memberVerdict(r.risk, r.flagged, tie, !!k?.flagged, s);
    if (at) {
      at.k.member_state ??= at.k.member_ids.map(() => ({ own_risk: 0, state: 'linked' as const }));
      at.k.member_state[at.i] = { own_risk: r.risk, state: v.state };
    }
    const contributions = k
      ? {
          ...r.contributions,
          cluster: { value: k.risk, evidence: k.flagged ? 1 : 0, weight: 0, contribution: 0 },
          tie: { value: tie.strength, evidence: tie.kinds, weight: 0, contribution: 0 },
        }
      : r.contributions;
    return {
      account_id: r.id,
      risk: v.viaCluster ? Math.max(r.risk, k!.risk) : r.risk,
      flagged: v.state === 'flagged',
      cluster_id: k?.id ?? null,
      reasons: k ? memberReasons(k, v, tie, r.reasons) : r.reasons,
      contributions,
      signals: r.values,
      events: r.daily.events,
      coverage: (r.values.coverage_tax as number) ?? 0,
      first_seen: new Date(r.daily.firstTs).toISOString(),
      last_seen: new Date(r.daily.lastTs).toISOString(),
    };
  });
}
