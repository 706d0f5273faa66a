import type { ClientBase } from 'pg';
import { daySetsInsert } from '@/lib/ingest/sql-day-sets';
import { clusterExpr, type SeedSize } from './seed-events';

// Rollups derived set-based from the synthetic events (what ingest maintains incrementally), then
// score / cluster / flag rows shaped like detection's output. Constant SQL, no user input.
const HOURS = Array.from(
  { length: 24 },
  (_, h) => `count(*) FILTER (WHERE extract(hour FROM ts AT TIME ZONE 'UTC') = ${h})::int`,
).join(', ');

export async function seedRollups(pool: ClientBase, log: (m: string) => void): Promise<void> {
  log('account_daily');
  await pool.query(
    `INSERT INTO account_daily (account_id, day, events, input_tokens, output_tokens, finish_length, reasoning, thinking, single_turn,
                                max_tokens_sum, max_tokens_n, temp_n, temp_sum, temp_sum2, hour_hist, first_ts, last_ts)
     SELECT account_id, (ts AT TIME ZONE 'UTC')::date, count(*), sum(input_tokens), sum(output_tokens),
            count(*) FILTER (WHERE finish_reason = 'length'), count(*) FILTER (WHERE reasoning), count(*) FILTER (WHERE thinking),
            count(*) FILTER (WHERE single_turn), sum(max_tokens), count(max_tokens), count(temperature), sum(temperature), sum(temperature * temperature),
            ARRAY[${HOURS}], min(ts), max(ts)
     FROM events GROUP BY 1, 2`,
  );
  log('account_day_sets');
  await pool.query(
    daySetsInsert(`(SELECT account_id, (ts AT TIME ZONE 'UTC')::date AS day, tax_bucket, lsh_bucket, simhash,
      (extract(epoch FROM (ts AT TIME ZONE 'UTC')::time) * 1000)::int AS ms FROM events) e`),
  );
  log('account_indicator');
  await pool.query(
    `INSERT INTO account_indicator (account_id, kind, value, events, first_ts, last_ts)
     SELECT account_id, k.kind, k.value, count(*), min(ts), max(ts)
     FROM events, LATERAL (VALUES ('ip24', host(network(set_masklen(ip, 24))) || '/24'), ('asn', asn::text),
                                  ('user_agent', user_agent), ('api_key', api_key_id), ('model', model)) k(kind, value)
     GROUP BY 1, 2, 3`,
  );
  await pool.query(
    `INSERT INTO account_indicator (account_id, kind, value, events, first_ts, last_ts)
     SELECT a.account_id, k.kind, k.value, 0, now(), now() FROM accounts a,
       LATERAL (VALUES ('payment', a.payment_fingerprint), ('email_domain', a.email_domain)) k(kind, value)
     ON CONFLICT DO NOTHING`,
  );
}

export async function seedScores(pool: ClientBase, s: SeedSize): Promise<void> {
  // Sweepers (index % 10 = 0) and cluster members score high; contributions are a map of signal →
  // {contribution, value, explanation}, one of the shapes parseContributions reads.
  await pool.query(
    `INSERT INTO account_score (account_id, risk, flagged, cluster_id, reasons, contributions, signals, events, coverage, first_seen, last_seen, run_id)
     SELECT x.account_id, x.risk, x.risk >= 0.7, CASE WHEN x.c > 0 THEN 'cl-' || x.c END,
            CASE WHEN x.risk >= 0.7 THEN ARRAY['coverage', 'reasoning'] WHEN x.c > 0 THEN ARRAY['cluster'] ELSE '{}' END,
            jsonb_build_object('coverage', jsonb_build_object('contribution', round((x.risk * 0.5)::numeric, 3), 'value', x.cov, 'explanation', 'share of taxonomy buckets visited'),
                               'reasoning', jsonb_build_object('contribution', round((x.risk * 0.3)::numeric, 3), 'explanation', 'step-by-step prompts'),
                               'volume', jsonb_build_object('contribution', round((x.risk * 0.2)::numeric, 3), 'value', x.n)),
            jsonb_build_object('coverage', x.cov), x.n, x.cov, x.f, x.l, 1
     FROM (SELECT b.account_id, b.n, b.f, b.l, b.cov, b.a, ${clusterExpr('b.a', s)} AS c,
                  CASE WHEN b.a % 10 = 0 THEN 0.7 + (b.a % 29) / 100.0 WHEN ${clusterExpr('b.a', s)} > 0 THEN 0.4 + (b.a % 25) / 100.0 ELSE (b.a % 40) / 100.0 END::real AS risk
           FROM (SELECT d.account_id, substr(d.account_id, 6)::int AS a, sum(d.events)::int AS n, min(d.first_ts) AS f, max(d.last_ts) AS l,
                        (SELECT count(*) FROM account_bucket k WHERE k.account_id = d.account_id AND k.kind = 0) / 58.0 AS cov
                 FROM account_daily d GROUP BY d.account_id) b) x`,
  );
  await pool.query(
    `INSERT INTO cluster_members (account_id, cluster_id) SELECT account_id, cluster_id FROM account_score WHERE cluster_id IS NOT NULL`,
  );
  await pool.query(
    `INSERT INTO clusters (id, risk, flagged, members, events, reasons, contributions, features, indicators, run_id)
     SELECT cluster_id, 0.6 + (substr(cluster_id, 4)::int % 40) / 100.0, true, count(*), sum(events), ARRAY['shared_infra', 'partition'],
            '{"partition": 0.4, "shared_infra": 0.3}', '{}', '{}', 1
     FROM account_score WHERE cluster_id IS NOT NULL GROUP BY cluster_id`,
  );
  await pool.query(
    `INSERT INTO flags (subject_type, subject_id, risk, reasons, status, created_at, run_id)
     SELECT 'account', account_id, risk, reasons, (ARRAY['open','open','reviewing','closed'])[1 + substr(account_id, 6)::int % 4],
            last_seen, 1 FROM account_score WHERE flagged
     UNION ALL SELECT 'cluster', id, risk, reasons, 'open', now() - interval '2 days', 1 FROM clusters`,
  );
  // A plausible benign band (p5/p50/p95 growing with √t) so the chart has something to draw.
  await pool.query(
    `INSERT INTO coverage_band (subject, volume_bin, step, t_norm, tax_p5, tax_p50, tax_p95, lsh_p5, lsh_p50, lsh_p95, n, run_id)
     SELECT subj, bin, step, (step + 1) / 20.0, 0.02 * sqrt((step + 1) / 20.0) * (1 + bin / 10.0), 0.06 * sqrt((step + 1) / 20.0) * (1 + bin / 10.0),
            0.15 * sqrt((step + 1) / 20.0) * (1 + bin / 10.0), 0.001, 0.005, 0.02, 100, 1
     FROM unnest(ARRAY['account', 'cluster']) subj, generate_series(0, 20) bin, generate_series(0, 19) step`,
  );
}
