import type { Pool } from 'pg';

// Test rows for the compact bucket rollup (account_day_sets, read through the account_bucket
// view): one day-set row per bucket, at `ts`, with `events` events.
export async function insertBucket(
  pool: Pick<Pool, 'query'>,
  account: string,
  kind: 0 | 1,
  bucket: number,
  ts: string,
  events = 1,
): Promise<void> {
  const arrays = (k: number) =>
    k === kind ? 'ARRAY[$3::int]::smallint[], ARRAY[ms], ARRAY[$4::int]' : `'{}', '{}', '{}'`;
  await pool.query(
    `INSERT INTO account_day_sets (account_id, day, tax_bucket, tax_first, tax_events, lsh_bucket, lsh_first, lsh_events,
       simhash, tmpl_events, tmpl_first, tmpl_last)
     SELECT $1, (t AT TIME ZONE 'UTC')::date, ${arrays(0)}, ${arrays(1)}, '{}', '{}', '{}', '{}'
     FROM (SELECT $2::timestamptz AS t) x,
       LATERAL (SELECT (extract(epoch FROM (t AT TIME ZONE 'UTC')::time) * 1000)::int AS ms) m`,
    [account, ts, bucket, events],
  );
}
