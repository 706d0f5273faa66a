import type { Pool } from 'pg';
import { runAll } from './run-all';

/** Per-account template and key facts from account_template and account_indicator. */
export interface TemplateAgg {
  templates: number;
  topEvents: number;
  /** events on templates that share a 16-bit SimHash band with another template of the account */
  nearDupEvents: number;
  keys: number;
  /** events sent on an API key in its first 24 h (uniform spread assumed within a key's life) */
  freshKeyEvents: number;
}

const TEMPLATE_SQL = `SELECT account_id, count(*)::int AS n, max(events)::int AS top FROM account_template GROUP BY account_id`;

// Near-duplicates: two distinct templates of one account that agree on one of the four 16-bit
// bands of their SimHash (pigeonhole: Hamming distance ≤ 3 guarantees a shared band).
const NEAR_DUP_SQL = `
WITH b AS (
  SELECT account_id, simhash, events, k, ((simhash >> (16 * k)) & 65535)::int AS band
  FROM account_template CROSS JOIN generate_series(0, 3) AS k
), d AS (
  SELECT account_id, k, band FROM b GROUP BY 1, 2, 3 HAVING count(*) > 1
), t AS (
  SELECT DISTINCT b.account_id, b.simhash, b.events FROM b JOIN d USING (account_id, k, band)
)
SELECT account_id, sum(events)::float8 AS ev FROM t GROUP BY account_id`;

const KEYS_SQL = `
SELECT account_id, count(*)::int AS keys,
  sum(CASE WHEN last_ts - first_ts <= interval '24 hours' THEN events
           ELSE events * 86400.0 / GREATEST(86400.0, extract(epoch FROM last_ts - first_ts)) END)::float8 AS fresh
FROM account_indicator WHERE kind = 'api_key' GROUP BY account_id`;

export async function loadTemplates(pool: Pick<Pool, 'query'>): Promise<Map<string, TemplateAgg>> {
  const out = new Map<string, TemplateAgg>();
  const get = (id: string) => {
    let t = out.get(id);
    if (!t) out.set(id, (t = { templates: 0, topEvents: 0, nearDupEvents: 0, keys: 0, freshKeyEvents: 0 }));
    return t;
  };
  const [tpl, dup, keys] = await runAll(pool, [
    () => pool.query<{ account_id: string; n: number; top: number }>(TEMPLATE_SQL),
    () => pool.query<{ account_id: string; ev: number }>(NEAR_DUP_SQL),
    () => pool.query<{ account_id: string; keys: number; fresh: number }>(KEYS_SQL),
  ] as const);
  for (const r of tpl.rows) Object.assign(get(r.account_id), { templates: r.n, topEvents: r.top });
  for (const r of dup.rows) get(r.account_id).nearDupEvents = r.ev;
  for (const r of keys.rows) Object.assign(get(r.account_id), { keys: r.keys, freshKeyEvents: r.fresh });
  return out;
}
