import type { PoolClient } from 'pg';
import type { DailyPoint } from '../types';
import { SCOPE_WHERE, scopeParams, type ResolvedScope } from './event-sql';

// The report's charts, read from the events of the package itself: inside the bag writer's
// REPEATABLE READ snapshot, with the same scope and cut-off as the natives, so a chart counts
// exactly the events the natives hold. Per account: events per UTC day, and the day each
// taxonomy bucket (0 = unknown, not a capability) was first reached; a cluster combines its
// members in scope (volume summed, a bucket counted once on its first member's day).

const DAILY_SQL = `
SELECT account_id, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
  FROM events WHERE ${SCOPE_WHERE} GROUP BY 1, 2`;
const FIRST_SQL = `
SELECT account_id, tax_bucket, min(to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS day
  FROM events WHERE ${SCOPE_WHERE} AND tax_bucket <> 0 GROUP BY 1, 2`;

/** Accounts beyond this many get no page of their own; the natives and load file still hold them. */
export const MAX_ACCOUNT_FINDINGS = 40;

/** The accounts with a findings page: the export's own (the case's links) first, in order. */
export function reportAccounts(direct: readonly string[], inScope: readonly string[]): string[] {
  const own = new Set(direct);
  return [...inScope.filter((a) => own.has(a)), ...inScope.filter((a) => !own.has(a))].slice(
    0,
    MAX_ACCOUNT_FINDINGS,
  );
}

export interface ChartSubject {
  key: string;
  accounts: string[];
}

export async function loadChartSeries(
  client: Pick<PoolClient, 'query'>,
  scope: ResolvedScope,
  subjects: ChartSubject[],
): Promise<Record<string, DailyPoint[]>> {
  if (subjects.length === 0 || scope.accountIds.length === 0) return {};
  const wanted = new Set(subjects.flatMap((s) => s.accounts));
  const only = { ...scope, accountIds: scope.accountIds.filter((a) => wanted.has(a)) };
  const daily = await client.query<{ account_id: string; day: string; n: number }>(
    DAILY_SQL,
    scopeParams(only),
  );
  const first = await client.query<{ account_id: string; tax_bucket: number; day: string }>(
    FIRST_SQL,
    scopeParams(only),
  );
  const out: Record<string, DailyPoint[]> = {};
  for (const s of subjects) {
    const members = new Set(s.accounts);
    const days = new Map<string, DailyPoint>();
    const at = (day: string) =>
      days.get(day) ?? days.set(day, { key: day, events: 0, tax_new: 0 }).get(day)!;
    for (const r of daily.rows) if (members.has(r.account_id)) at(r.day).events += r.n;
    const firstDay = new Map<number, string>();
    for (const r of first.rows)
      if (members.has(r.account_id) && !(firstDay.get(r.tax_bucket)! <= r.day))
        firstDay.set(r.tax_bucket, r.day);
    for (const day of firstDay.values()) at(day).tax_new += 1;
    out[s.key] = [...days.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }
  return out;
}
