import type { Pool } from 'pg';

// Seeds `events` rows set-based in SQL: ~300 events per account over 30 days, prompts of ~300
// characters and responses of ~900 (about the demo's sizes), one prompt in 50 carrying an email
// or a phone number so redaction has real work. Deterministic in the row number.
export async function seedExportEvents(pool: Pool, events: number): Promise<string[]> {
  const accounts = Math.max(1, Math.ceil(events / 300));
  await pool.query(`SELECT ensure_event_partition(d::date)
                      FROM generate_series(date '2026-10-01', date '2026-11-01', interval '1 month') d`);
  const batch = 200_000;
  for (let start = 1; start <= events; start += batch) {
    const end = Math.min(events, start + batch - 1);
    await pool.query(
      `INSERT INTO events (id, ts, account_id, model, api_key_id, ip, asn, country, user_agent, prompt,
                           prompt_sha256, response, input_tokens, output_tokens, finish_reason,
                           temperature, simhash, tax_bucket, lsh_bucket, reasoning, single_turn)
       SELECT 'ev' || g, timestamptz '2026-10-01' + (g % 2592000) * interval '1 second',
              'acct' || lpad((g % $3)::text, 6, '0'), 'model-' || (g % 3), 'key' || (g % $3),
              ('10.' || (g % 200) || '.' || (g % 250) || '.1')::inet, 64500 + g % 40, 'US', 'bench-client/1.0',
              p, encode(sha256(convert_to(p, 'UTF8')), 'hex'),
              repeat('The answer, step by step: ' || g || '. ', 30), 120, 700, 'stop', 0.7,
              g, (g % 200)::smallint, (g % 64)::smallint, g % 5 = 0, true
         FROM (SELECT g, 'Explain topic ' || g || ' in detail with examples. ' || repeat('Context sentence number ' || (g % 97) || '. ', 10)
                        || CASE WHEN g % 100 = 0 THEN ' Contact bob' || g || '@example.com.'
                                WHEN g % 100 = 50 THEN ' Call +1 415 555 ' || lpad((g % 10000)::text, 4, '0') || '.'
                                ELSE '' END AS p
                 FROM generate_series($1::int, $2::int) g) s`,
      [start, end, accounts],
    );
  }
  await pool.query('ANALYZE events');
  return Array.from({ length: accounts }, (_, i) => `acct${String(i).padStart(6, '0')}`);
}
