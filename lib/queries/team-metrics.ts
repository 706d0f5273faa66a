import 'server-only';
import { slaStateSql } from '@/lib/queues/sla';
import { dayRange } from './downsample';
import { rows } from './sql';

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v)); // real / numeric come back as strings from pg

export interface DepthPoint {
  key: string;
  depth: number;
  created: number;
  decided: number;
}
export interface QueueTimings {
  queue: string;
  items: number;
  first_action_p50: number | null;
  first_action_p90: number | null;
  decision_p50: number | null;
  decision_p90: number | null;
  breached: number;
}
export interface OutcomeCount {
  outcome: string;
  cases: number;
}

/**
 * Open queue items at the end of each UTC day, derived from item timestamps (no snapshots):
 * depth(d) = items created up to d − items closed up to d. Exact for every past day because an
 * item's created_at and decided_at never change.
 */
export async function getDepthOverTime(days = 30, now = new Date()): Promise<DepthPoint[]> {
  const since = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const [base] = await rows<{ before: number }>(
    `SELECT (count(*) FILTER (WHERE created_at < $1::date)
       - count(*) FILTER (WHERE decided_at < $1::date))::int AS before FROM queue_items`,
    [since],
  );
  const perDay = await rows<{ key: string; created: number; decided: number }>(
    `SELECT key, sum(c)::int AS created, sum(d)::int AS decided FROM (
       SELECT (created_at AT TIME ZONE 'UTC')::date::text AS key, 1 AS c, 0 AS d FROM queue_items WHERE created_at >= $1::date
       UNION ALL
       SELECT (decided_at AT TIME ZONE 'UTC')::date::text, 0, 1 FROM queue_items WHERE decided_at >= $1::date) x
     GROUP BY key`,
    [since],
  );
  const by = new Map(perDay.map((r) => [r.key, r]));
  let depth = base?.before ?? 0;
  return dayRange(since, now.toISOString().slice(0, 10)).map((key) => {
    const r = by.get(key);
    depth += (r?.created ?? 0) - (r?.decided ?? 0);
    return { key, depth, created: r?.created ?? 0, decided: r?.decided ?? 0 };
  });
}

/**
 * Per active queue, over items created in the last `days` days: median and p90 of the minutes to
 * first action and to decision (items that reached them; closures by archiving or by a closed flag excluded), and
 * how many of those items breached their SLA (at `now`).
 */
export async function getQueueTimings(days = 30, now = new Date()): Promise<QueueTimings[]> {
  const r = await rows<QueueTimings>(
    `SELECT q.name AS queue, count(i.id)::int AS items,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.first_action_at - i.created_at) / 60) AS first_action_p50,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.first_action_at - i.created_at) / 60) AS first_action_p90,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.decided_at - i.created_at) / 60)
         FILTER (WHERE coalesce(i.resolution, '') NOT IN ('queue_archived', 'flag_closed')) AS decision_p50,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.decided_at - i.created_at) / 60)
         FILTER (WHERE coalesce(i.resolution, '') NOT IN ('queue_archived', 'flag_closed')) AS decision_p90,
       count(i.id) FILTER (WHERE ${slaStateSql('$2::timestamptz')} = 'breached')::int AS breached
     FROM queues q LEFT JOIN queue_items i ON i.queue_id = q.id AND i.created_at >= $1
     WHERE q.archived_at IS NULL GROUP BY q.id, q.name, q.priority ORDER BY q.priority, q.name`,
    [new Date(now.getTime() - days * 86_400_000), now],
  );
  const n = (v: unknown) => (v === null || v === undefined ? null : num(v));
  return r.map((x) => ({
    ...x,
    first_action_p50: n(x.first_action_p50),
    first_action_p90: n(x.first_action_p90),
    decision_p50: n(x.decision_p50),
    decision_p90: n(x.decision_p90),
  }));
}

/** Cases closed in the last `days` days per outcome (the outcome recorded on their dispositions). */
export async function getCasesClosedByOutcome(
  days = 30,
  now = new Date(),
): Promise<OutcomeCount[]> {
  return rows<OutcomeCount>(
    `SELECT coalesce(d.outcome, 'no outcome recorded') AS outcome, count(DISTINCT c.id)::int AS cases
     FROM cases c LEFT JOIN dispositions d ON d.case_id = c.id
     WHERE c.status = 'closed' AND c.closed_at >= $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
    [new Date(now.getTime() - days * 86_400_000)],
  );
}
