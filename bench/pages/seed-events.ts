import type { ClientBase } from 'pg';

// Synthetic raw events generated set-based in SQL (INSERT … SELECT generate_series), NOT through
// the ingest pipeline: 10M events through full ingest would take far too long on a 2-core box.
// The rollups are then derived from these rows with GROUP BY (seed-rollups.ts), so the naive
// questions asked of `events` and the rollup reads answer the same data.

export interface SeedSize {
  accounts: number;
  events: number;
  days: number;
  clusters: number;
  clusterSize: number;
  start: string;
}

export const BENCH_SIZE: SeedSize = {
  accounts: 25_000,
  events: 10_000_000,
  days: 42,
  clusters: 40,
  clusterSize: 200,
  start: '2026-09-01',
};

/** Account index → cluster (1-based) for the first clusters × clusterSize accounts, else 0. */
export const clusterExpr = (a: string, s: SeedSize) =>
  `(CASE WHEN ${a} <= ${s.clusters * s.clusterSize} THEN 1 + (${a} - 1) % ${s.clusters} ELSE 0 END)`;
export const accountIdExpr = (a: string) => `('acct-' || lpad((${a})::text, 6, '0'))`;

export async function seedAccounts(pool: ClientBase, s: SeedSize): Promise<void> {
  await pool.query(
    `INSERT INTO accounts (account_id, created_at, email_domain, org_id, tier, country, payment_fingerprint, signup_ip, verified)
     SELECT ${accountIdExpr('a')}, $1::timestamptz - (a % 400) * interval '1 day',
            CASE WHEN ${clusterExpr('a', s)} > 0 THEN 'burner' || ${clusterExpr('a', s)} || '.example' ELSE 'corp' || (a % 3000) || '.example' END,
            'org-' || (a % 5000), (ARRAY['free','build','scale','enterprise'])[1 + a % 4],
            (ARRAY['US','DE','FR','GB','IN','BR','JP','SG','NL','CA'])[1 + a % 10],
            CASE WHEN ${clusterExpr('a', s)} > 0 THEN 'pay-c' || ${clusterExpr('a', s)} ELSE 'pay-' || a END,
            ('192.0.' || (a % 250) || '.' || (a % 200 + 1))::inet, a % 7 <> 0
     FROM generate_series(1, $2::int) a
     ON CONFLICT DO NOTHING`,
    [s.start, s.accounts],
  );
}

/** Inserts events [from, to) of the series; call in chunks for progress. */
export async function seedEventChunk(
  pool: ClientBase,
  s: SeedSize,
  from: number,
  to: number,
): Promise<void> {
  // a: skewed account pick (a few heavy accounts, a long tail); sweepers (a % 10 = 0) visit buckets
  // systematically and ask for reasoning; everyone else sticks to a few buckets and templates.
  await pool.query(
    `INSERT INTO events (id, ts, account_id, model, api_key_id, ip, asn, country, user_agent, prompt, prompt_sha256,
                         input_tokens, output_tokens, max_tokens, finish_reason, temperature, thinking, simhash, tax_bucket,
                         lsh_bucket, reasoning, single_turn)
     SELECT 'ev-' || g, $1::timestamptz + (x.r1 * $2::int) * interval '1 day', ${accountIdExpr('x.a')},
            (ARRAY['m-large','m-small','m-reason'])[1 + x.a % 3], 'key-' || x.a || '-' || (g % 2),
            (CASE WHEN x.c > 0 THEN '172.16.' || x.c || '.' || (g % 250) ELSE '10.' || (x.a / 250 % 256) || '.' || (x.a % 250) || '.' || (g % 250) END)::inet,
            CASE WHEN x.c > 0 THEN 64500 + x.c ELSE 16509 END, (ARRAY['US','DE','FR','GB','IN','BR','JP','SG','NL','CA'])[1 + x.a % 10],
            CASE WHEN x.c > 0 THEN 'harvest-bot/' || x.c ELSE 'sdk-python/1.' || (x.a % 9) END,
            CASE WHEN x.sweep THEN 'Explain topic ' || (g % 997) || ' step by step and show your work.'
                 ELSE 'Summarise ticket ' || (g % 31) || ' for customer ' || x.a || ' (reply to user' || x.a || '@mail.example or +1 415 555 ' || lpad((x.a % 10000)::text, 4, '0') || ')' END,
            md5(g::text) || md5(x.a::text), 200 + (g % 800), CASE WHEN x.sweep THEN 1500 + (g % 2500) ELSE 150 + (g % 600) END, 4096,
            CASE WHEN x.sweep AND g % 3 = 0 THEN 'length' ELSE 'stop' END, 0.7, x.sweep AND g % 2 = 0,
            CASE WHEN x.sweep THEN g ELSE x.a::bigint * 1000 + (g % 17) END,
            CASE WHEN x.sweep OR x.c > 0 THEN g % 58 ELSE (x.a + g % 6) % 58 END,
            CASE WHEN x.sweep OR x.c > 0 THEN g % 4096 ELSE (x.a * 13 + g % 40) % 4096 END,
            x.sweep AND g % 5 <> 0 OR g % 29 = 0, g % 4 <> 0
     FROM (SELECT g, a, (a % 10 = 0) AS sweep, ${clusterExpr('a', s)} AS c, r1
           FROM (SELECT g, 1 + floor(${s.accounts} * power(random(), 1.15))::int AS a, random() AS r1
                 FROM generate_series($3::bigint, $4::bigint - 1) g) y) x(g, a, sweep, c, r1)`,
    [s.start, s.days, from, to],
  );
}

export async function ensurePartitions(pool: ClientBase, s: SeedSize): Promise<void> {
  await pool.query(
    `SELECT ensure_event_partition(m::date) FROM generate_series(date_trunc('month', $1::date), $1::date + $2::int, interval '1 month') m`,
    [s.start, s.days],
  );
}
