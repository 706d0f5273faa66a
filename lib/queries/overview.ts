import 'server-only';
import { rows } from './sql';

export interface QueueCounts {
  accounts_open: number;
  clusters_open: number;
  accounts_flagged: number;
  scored: number;
}
export async function getQueueCounts(): Promise<QueueCounts> {
  const [f, s] = await Promise.all([
    rows<{ subject_type: string; n: number }>(
      `SELECT subject_type, count(*)::int AS n FROM flags WHERE status = 'open' GROUP BY subject_type`,
    ),
    rows<{ flagged: number; scored: number }>(
      `SELECT count(*) FILTER (WHERE flagged)::int AS flagged, count(*)::int AS scored FROM account_score`,
    ),
  ]);
  const open = (t: string) => f.find((x) => x.subject_type === t)?.n ?? 0;
  return {
    accounts_open: open('account'),
    clusters_open: open('cluster'),
    accounts_flagged: s[0]?.flagged ?? 0,
    scored: s[0]?.scored ?? 0,
  };
}

/** Flags raised for the first time by each detection run (a flag's created_at falls in its run). */
export interface FlagsPerRun {
  /** "2026-11-30 06:27 · run 12": the run's finish time (UTC) and id, the chart's x axis */
  key: string;
  run: string;
  account: number;
  cluster: number;
}

export async function getFlagsPerRun(limit = 30): Promise<FlagsPerRun[]> {
  const r = await rows<{ run: string; finished: string; account: number; cluster: number }>(
    `SELECT r.id::text AS run, to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS finished,
            count(f.id) FILTER (WHERE f.subject_type = 'account')::int AS account,
            count(f.id) FILTER (WHERE f.subject_type = 'cluster')::int AS cluster
     FROM (SELECT id, started_at, finished_at FROM detect_runs WHERE status = 'done'
           ORDER BY id DESC LIMIT $1) r
     LEFT JOIN flags f ON f.created_at BETWEEN r.started_at AND r.finished_at
     GROUP BY r.id, r.finished_at ORDER BY r.id`,
    [limit],
  );
  return r.map((x) => ({
    key: `${x.finished} · run ${x.run}`,
    run: x.run,
    account: x.account,
    cluster: x.cluster,
  }));
}
