import type { Pool } from 'pg';

// The same questions the pages ask, answered naively from the raw events table (no rollups), for
// the bench's side-by-side figures. Not used by the app.

export async function naiveAccountsList(pool: Pool): Promise<void> {
  await Promise.all([
    pool.query(
      `SELECT account_id, count(*) AS events, count(DISTINCT tax_bucket) / 58.0 AS coverage, min(ts), max(ts),
              avg(reasoning::int) AS reasoning_share
       FROM events GROUP BY account_id ORDER BY coverage DESC, events DESC LIMIT 50`,
    ),
    pool.query('SELECT count(DISTINCT account_id) FROM events'),
  ]);
}

export async function naiveAccountPage(pool: Pool, accountId: string): Promise<void> {
  await Promise.all([
    pool.query(
      `SELECT (ts AT TIME ZONE 'UTC')::date AS day, count(*), sum(input_tokens), sum(output_tokens), count(*) FILTER (WHERE reasoning),
              count(DISTINCT simhash) FROM events WHERE account_id = $1 GROUP BY 1 ORDER BY 1`,
      [accountId],
    ),
    pool.query(`SELECT tax_bucket, min(ts) FROM events WHERE account_id = $1 GROUP BY 1`, [
      accountId,
    ]),
    pool.query(`SELECT lsh_bucket, min(ts) FROM events WHERE account_id = $1 GROUP BY 1`, [
      accountId,
    ]),
    pool.query(
      `SELECT extract(dow FROM ts AT TIME ZONE 'UTC'), extract(hour FROM ts AT TIME ZONE 'UTC'), count(*)
       FROM events WHERE account_id = $1 GROUP BY 1, 2`,
      [accountId],
    ),
    // Linked accounts: who else used this account's /24s or user agents.
    pool.query(
      `SELECT e.account_id, count(*) FROM events e
       WHERE e.account_id <> $1 AND (network(set_masklen(e.ip, 24)) IN (SELECT DISTINCT network(set_masklen(ip, 24)) FROM events WHERE account_id = $1)
             OR e.user_agent IN (SELECT DISTINCT user_agent FROM events WHERE account_id = $1))
       GROUP BY 1 ORDER BY 2 DESC LIMIT 25`,
      [accountId],
    ),
  ]);
}

export async function naiveClusterPage(pool: Pool, members: string[]): Promise<void> {
  await Promise.all([
    pool.query(
      `SELECT account_id, count(*), count(DISTINCT tax_bucket), min(ts), max(ts) FROM events WHERE account_id = ANY($1) GROUP BY 1`,
      [members],
    ),
    pool.query(
      `SELECT (ts AT TIME ZONE 'UTC')::date, count(*), sum(output_tokens), count(*) FILTER (WHERE reasoning)
       FROM events WHERE account_id = ANY($1) GROUP BY 1 ORDER BY 1`,
      [members],
    ),
    pool.query(
      `SELECT DISTINCT ON (tax_bucket) tax_bucket, account_id, ts FROM events WHERE account_id = ANY($1) ORDER BY tax_bucket, ts`,
      [members],
    ),
    pool.query(
      `SELECT network(set_masklen(ip, 24)) AS net, user_agent, count(DISTINCT account_id) FROM events
       WHERE account_id = ANY($1) GROUP BY 1, 2 HAVING count(DISTINCT account_id) >= 2 ORDER BY 3 DESC LIMIT 30`,
      [members],
    ),
  ]);
}
