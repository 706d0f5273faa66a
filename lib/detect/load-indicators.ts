import type { Pool } from 'pg';
import { runAll } from './run-all';

/** One shared indicator: every account that carries it. */
export interface IndicatorGroup {
  kind: string;
  value: string;
  accounts: string[];
}

// `only`: the values carried by the accounts $2 (through the (kind, value) index), each with all
// the accounts that carry it.
const indicatorSql = (only: boolean) => `
SELECT kind, value, array_agg(account_id) AS accounts FROM account_indicator
WHERE kind <> 'model' -- a usage attribute for filtering, not an infrastructure link
${only ? `AND (kind, value) IN (SELECT kind, value FROM account_indicator WHERE account_id = ANY($2) AND kind <> 'model')` : ''}
GROUP BY kind, value HAVING count(*) BETWEEN 2 AND $1`;

// The attribute kinds the ingest mirrors into account_indicator (then read from there only).
const MIRRORED_SQL = `
SELECT kind FROM (VALUES ('payment'), ('email_domain'), ('signup_ip24')) k(kind)
WHERE EXISTS (SELECT 1 FROM account_indicator i WHERE i.kind = k.kind)`;

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

/** Shared values of account_indicator (2..cap accounts each); `only`: just those some of these accounts carry. */
export async function indicatorGroups(
  pool: Pick<Pool, 'query'>,
  cap: number,
  only?: string[],
): Promise<IndicatorGroup[]> {
  const sql = indicatorSql(only !== undefined);
  return (await pool.query<IndicatorGroup>(sql, only ? [cap, only] : [cap])).rows;
}

/**
 * All shared indicator values (≤ cap accounts each); `frames` = template frames from
 * load-bands.ts. `only`: the values of account_indicator carried by these accounts (every
 * account that carries one is listed), with the account attributes and signup bursts of all.
 */
export async function loadIndicatorGroups(
  pool: Pick<Pool, 'query'>,
  cap: number,
  burstMinutes: number,
  frames: IndicatorGroup[] = [],
  only?: string[],
): Promise<IndicatorGroup[]> {
  const [ind, mirrored, acc, created] = await runAll(pool, [
    () => indicatorGroups(pool, cap, only),
    () => pool.query<{ kind: string }>(MIRRORED_SQL),
    () => pool.query<IndicatorGroup>(ACCOUNT_SQL, [cap]),
    () => pool.query<{ account_id: string; t: number }>(CREATED_SQL),
  ] as const);
  const have = new Set(mirrored.rows.map((r) => r.kind));
  const groups = [...ind, ...acc.rows.filter((g) => !have.has(g.kind)), ...frames];
  return groups.concat(
    signupBurstGroups(created.rows, burstMinutes).filter((g) => g.accounts.length <= cap),
  );
}
