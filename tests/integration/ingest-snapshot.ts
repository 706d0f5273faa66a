import pg from 'pg';
import { createFreshDatabase, dropDatabase } from '../db-util';

// Helpers shared by the ingest integration tests: a throwaway migrated database and a
// comparable snapshot of events + every rollup (floats rounded: sums may be added in another order).
export async function freshDb(prefix = 'dw_ing') {
  const db = await createFreshDatabase(prefix);
  const pool = new pg.Pool({ connectionString: db.url, max: 8 });
  // pool.end() resolves before the server has closed its backends; DROP ... WITH (FORCE) may then
  // terminate one mid-goodbye, and its FATAL would surface as an unhandled client error.
  // An idle client's error is also re-emitted by the pool itself, and a pool without an 'error'
  // listener throws it (seen in CI: "terminating connection due to administrator command").
  pool.on('connect', (c) => c.on('error', () => undefined));
  pool.on('error', () => undefined);
  return {
    ...db,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(db.name);
    },
  };
}

export async function snapshot(pool: pg.Pool) {
  const q = async (sql: string) => (await pool.query(sql)).rows;
  return {
    events:
      await q(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids, sum(simhash % 100000)::text AS s,
      sum(tax_bucket)::int AS tax, sum(lsh_bucket)::int AS lsh, count(*) FILTER (WHERE reasoning)::int AS r,
      count(extra)::int AS extra, count(prompt)::int AS prompts, md5(string_agg(prompt_sha256, '' ORDER BY id)) AS sha FROM events`),
    daily:
      await q(`SELECT account_id, day::text, events, input_tokens::text, output_tokens::text, finish_length, reasoning,
      thinking, single_turn, tool_use, errors, max_tokens_sum::text, max_tokens_n, temp_n, round(temp_sum::numeric, 3)::text AS ts1,
      round(temp_sum2::numeric, 3)::text AS ts2, gap_n, round(gap_sum::numeric, 2)::text AS gs, round(gap_sum2::numeric / 1000, 0)::text AS gs2,
      hour_hist, first_ts::text, last_ts::text FROM account_daily ORDER BY 1, 2`),
    accounts: await q(
      'SELECT account_id, email_domain, verified, extra, tos_version FROM accounts ORDER BY 1',
    ),
    bucket: await q(
      'SELECT account_id, kind, bucket, first_ts::text, events FROM account_bucket ORDER BY 1, 2, 3',
    ),
    template: await q(
      'SELECT account_id, simhash::text, events, first_ts::text, last_ts::text FROM account_template ORDER BY 1, 2',
    ),
    indicator: await q(
      'SELECT account_id, kind, value, events, first_ts::text, last_ts::text FROM account_indicator ORDER BY 1, 2, 3',
    ),
  };
}
