import type { Pool } from 'pg';
import { runAll } from './run-all';

/** One shared indicator: every account that carries it. */
export interface IndicatorGroup {
  kind: string;
  value: string;
  accounts: string[];
}

const INDICATOR_SQL = `
SELECT kind, value, array_agg(account_id) AS accounts FROM account_indicator
WHERE kind <> 'model' -- a usage attribute for filtering, not an infrastructure link
GROUP BY kind, value HAVING count(*) BETWEEN 2 AND $1`;

// Account attributes, in case the ingest did not mirror them into account_indicator.
const ACCOUNT_SQL = `
SELECT kind, value, array_agg(account_id) AS accounts FROM (
  SELECT account_id, 'payment' AS kind, payment_fingerprint AS value FROM accounts WHERE payment_fingerprint IS NOT NULL
  UNION ALL SELECT account_id, 'email_domain', lower(email_domain) FROM accounts WHERE email_domain IS NOT NULL
  UNION ALL SELECT account_id, 'signup_ip24', host(set_masklen(signup_ip, 24)) FROM accounts WHERE signup_ip IS NOT NULL AND family(signup_ip) = 4
) x GROUP BY kind, value HAVING count(*) BETWEEN 2 AND $1`;

const CREATED_SQL = `SELECT account_id, (extract(epoch FROM created_at) * 1000)::float8 AS t FROM accounts WHERE created_at IS NOT NULL`;

/** Signup bursts: accounts created in the same window (two offset grids so a burst is not cut in half). */
export function signupBurstGroups(
  created: { account_id: string; t: number }[],
  windowMin: number,
  minSize = 5,
): IndicatorGroup[] {
  const w = windowMin * 60_000;
  const by = new Map<string, string[]>();
  for (const { account_id, t } of created) {
    for (const [grid, off] of [
      ['a', 0],
      ['b', w / 2],
    ] as const) {
      const key = `${grid}${Math.floor((t + off) / w)}`;
      let g = by.get(key);
      if (!g) by.set(key, (g = []));
      g.push(account_id);
    }
  }
  return [...by.entries()]
    .filter(([, a]) => a.length >= minSize)
    .map(([value, accounts]) => ({ kind: 'signup_burst', value, accounts }));
}

/** All shared indicator values (≤ cap accounts each); `frames` = template frames from load-bands.ts. */
export async function loadIndicatorGroups(
  pool: Pick<Pool, 'query'>,
  cap: number,
  burstMinutes: number,
  frames: IndicatorGroup[] = [],
): Promise<IndicatorGroup[]> {
  const [ind, acc, created] = await runAll(pool, [
    () => pool.query<IndicatorGroup>(INDICATOR_SQL, [cap]),
    () => pool.query<IndicatorGroup>(ACCOUNT_SQL, [cap]),
    () => pool.query<{ account_id: string; t: number }>(CREATED_SQL),
  ] as const);
  const have = new Set(ind.rows.map((g) => g.kind));
  const groups = [...ind.rows, ...acc.rows.filter((g) => !have.has(g.kind)), ...frames];
  return groups.concat(
    signupBurstGroups(created.rows, burstMinutes).filter((g) => g.accounts.length <= cap),
  );
}
