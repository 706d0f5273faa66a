import type { Pool } from 'pg';
import { runAll } from '@/lib/detect/run-all';

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

const KEYS_SQL = `
SELECT account_id, count(*)::int AS keys,
  sum(CASE WHEN last_ts - first_ts <= interval '24 hours' THEN events
           ELSE events * 86400.0 / GREATEST(86400.0, extract(epoch FROM last_ts - first_ts)) END)::float8 AS fresh
FROM account_indicator WHERE kind = 'api_key' GROUP BY account_id`;

/** nearDup: events on near-duplicate templates per account (lib/detect/load-bands.ts). */
export async function loadTemplates(
  pool: Pick<Pool, 'query'>,
  nearDup: Map<string, number>,
): Promise<Map<string, TemplateAgg>> {
  const out = new Map<string, TemplateAgg>();
  const get = (id: string) => {
    let t = out.get(id);
    if (!t)
      out.set(
        id,
        (t = { templates: 0, topEvents: 0, nearDupEvents: 0, keys: 0, freshKeyEvents: 0 }),
      );
    return t;
  };
  const [tpl, keys] = await runAll(pool, [
    () => pool.query<{ account_id: string; n: number; top: number }>(TEMPLATE_SQL),
    () => pool.query<{ account_id: string; keys: number; fresh: number }>(KEYS_SQL),
  ] as const);
  for (const r of tpl.rows) Object.assign(get(r.account_id), { templates: r.n, topEvents: r.top });
  for (const [id, ev] of nearDup) get(id).nearDupEvents = ev;
  for (const r of keys.rows)
    Object.assign(get(r.account_id), { keys: r.keys, freshKeyEvents: r.fresh });
  return out;
}
