import 'server-only';
import { rows } from './sql';
import { dayRange } from './downsample';

export interface QueueCounts {
  accounts_open: number;
  clusters_open: number;
  accounts_flagged: number;
  scored: number;
}
export interface FlagsPerDay {
  key: string;
  account: number;
  cluster: number;
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

/** New flags per day over the last `days` days, zero-filled (flags indexed on (status, created_at)). */
export async function getFlagsPerDay(days = 60, now = new Date()): Promise<FlagsPerDay[]> {
  const since = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const r = await rows<{ key: string; subject_type: string; n: number }>(
    `SELECT (created_at AT TIME ZONE 'UTC')::date::text AS key, subject_type, count(*)::int AS n
     FROM flags WHERE created_at >= $1::date GROUP BY 1, 2`,
    [since],
  );
  const byDay = new Map<string, FlagsPerDay>();
  for (const key of dayRange(since, now.toISOString().slice(0, 10)))
    byDay.set(key, { key, account: 0, cluster: 0 });
  for (const x of r) {
    const d = byDay.get(x.key);
    if (d && (x.subject_type === 'account' || x.subject_type === 'cluster'))
      d[x.subject_type] += x.n;
  }
  return [...byDay.values()];
}
