import type { Pool } from 'pg';
import type { Truth } from './metrics';
import { addDays } from './days';

/**
 * The day cut-offs at which each attack campaign first reaches each share of its events (the
 * prefixes the early alarm is about), from account_daily; distinct and sorted.
 */
export async function earlyDays(
  pool: Pick<Pool, 'query'>,
  truth: Truth[],
  shares: number[] = [0.02, 0.05, 0.1],
): Promise<string[]> {
  const campaign = new Map<string, string>();
  for (const t of truth)
    if (t.label === 'attack' && t.campaign_id) campaign.set(t.account_id, t.campaign_id);
  const { rows } = await pool.query<{ account_id: string; day: string; n: number }>(
    `SELECT account_id, day::text AS day, sum(events)::float8 AS n FROM account_daily
     WHERE account_id = ANY($1) GROUP BY 1, 2`,
    [[...campaign.keys()]],
  );
  const perDay = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const c = campaign.get(r.account_id)!;
    let m = perDay.get(c);
    if (!m) perDay.set(c, (m = new Map()));
    m.set(r.day, (m.get(r.day) ?? 0) + Number(r.n));
  }
  const days = new Set<string>();
  for (const m of perDay.values()) for (const d of cutsOf(m, shares)) days.add(d);
  return [...days].sort();
}

/** For one campaign's events per day: the first cut-off (day after) reaching each share. */
export function cutsOf(perDay: Map<string, number>, shares: number[]): string[] {
  const order = [...perDay].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const total = order.reduce((t, [, n]) => t + n, 0);
  const out: string[] = [];
  for (const share of shares) {
    let cum = 0;
    for (const [day, n] of order) {
      cum += n;
      if (cum >= share * total) {
        out.push(addDays(day, 1));
        break;
      }
    }
  }
  return [...new Set(out)];
}
