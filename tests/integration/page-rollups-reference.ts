import { pgPool } from '@/lib/db/client';
import { seriesFrom, type AccountSeries, type RawDay } from '@/lib/queries/account-series';
import { getBenignBand } from '@/lib/queries/coverage-band';

// The page series as read before the day sets were folded in Node: first-seen days grouped in SQL
// from the views account_bucket and account_template (the test's reference).
export async function viewSeries(
  ids: string[],
  subject: 'account' | 'cluster',
  events: number,
): Promise<AccountSeries> {
  const q = async <T>(sql: string, p: unknown[]) => (await pgPool().query(sql, p)).rows as T[];
  const kinds = subject === 'cluster' ? [0] : [0, 1];
  const [daily, buckets, templates] = await Promise.all([
    q<RawDay>(
      `SELECT day::text AS key, sum(events)::float8 AS events, sum(input_tokens)::float8 AS input_tokens,
              sum(output_tokens)::float8 AS output_tokens, sum(reasoning)::float8 AS reasoning, sum(thinking)::float8 AS thinking,
              sum(finish_length)::float8 AS finish_length, 0 AS new_templates, 0 AS tax_new, 0 AS lsh_new
       FROM account_daily WHERE account_id = ANY($1) GROUP BY day ORDER BY day`,
      [ids],
    ),
    q<{ key: string; kind: number; n: number }>(
      `SELECT d::text AS key, kind, count(*)::int AS n FROM (
         SELECT kind, bucket, (min(first_ts) AT TIME ZONE 'UTC')::date AS d FROM account_bucket
         WHERE account_id = ANY($1) AND kind = ANY($2::smallint[]) AND NOT (kind = 0 AND bucket = 0) GROUP BY kind, bucket) b
       GROUP BY 1, 2`,
      [ids, kinds],
    ),
    q<{ key: string; n: number }>(
      `SELECT (first_ts AT TIME ZONE 'UTC')::date::text AS key, count(*)::int AS n FROM account_template
       WHERE account_id = ANY($1) GROUP BY 1`,
      [ids],
    ),
  ]);
  const byDay = new Map(daily.map((d) => [d.key, d]));
  const blank = (key: string): RawDay => ({
    key,
    events: 0,
    input_tokens: 0,
    output_tokens: 0,
    reasoning: 0,
    thinking: 0,
    new_templates: 0,
    finish_length: 0,
    tax_new: 0,
    lsh_new: 0,
  });
  const get = (key: string) => byDay.get(key) ?? byDay.set(key, blank(key)).get(key)!;
  for (const b of buckets) get(b.key)[b.kind === 0 ? 'tax_new' : 'lsh_new'] += b.n;
  for (const t of templates) get(t.key).new_templates += t.n;
  return seriesFrom([...byDay.values()], await getBenignBand(subject, events));
}
