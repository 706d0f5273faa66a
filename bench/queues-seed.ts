import type { Pool } from 'pg';

// Seeds a benchmark database for claim-next: `queues` queues (priorities 1..n), `analysts` users
// who belong to every queue, and `items` open, unclaimed queue items spread over the queues with
// creation times over the last week. Set-based SQL: 100k items take a second or two.
export async function seedQueueBench(
  pool: Pool,
  opts: { items: number; queues: number; analysts: number },
): Promise<{ analystIds: string[]; queueIds: string[] }> {
  const analystIds = Array.from({ length: opts.analysts }, (_, k) => `bench-analyst-${k}`);
  const queueIds = Array.from({ length: opts.queues }, (_, k) => `bench-queue-${k}`);
  await pool.query(
    `INSERT INTO users (id, email, name, role)
     SELECT id, id || '@bench.test', id, 'analyst' FROM unnest($1::text[]) AS id`,
    [analystIds],
  );
  await pool.query(
    `INSERT INTO queues (id, name, priority, sla_first_action_minutes, sla_decision_minutes)
     SELECT id, id, ord, 60, 1440 FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord)`,
    [queueIds],
  );
  await pool.query(
    `INSERT INTO queue_members (queue_id, user_id)
     SELECT q, u FROM unnest($1::text[]) AS q CROSS JOIN unnest($2::text[]) AS u`,
    [queueIds, analystIds],
  );
  await pool.query(
    `INSERT INTO queue_items (queue_id, queue_priority, subject_type, subject_id, risk, created_at)
     SELECT 'bench-queue-' || (g % $2), 1 + g % $2, 'account', 'acct-' || lpad(g::text, 7, '0'),
       0.5 + (g % 50) / 100.0, now() - (g % 10080) * interval '1 minute'
     FROM generate_series(0, $1 - 1) AS g`,
    [opts.items, opts.queues],
  );
  await pool.query('ANALYZE queue_items');
  await pool.query('ANALYZE queue_members');
  return { analystIds, queueIds };
}
