import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNext } from '@/lib/queues/claim';
import { createQueue } from '@/lib/queues/queues';
import { ZQueueCreate } from '@/lib/schemas/queue';
import { change, seedFlags, seedUsers, user } from './queues-fixtures';

// Claim-next under concurrency on a real Postgres: 20 analysts on 20 separate connections,
// all released at once, over 10 unclaimed items.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 25 });
afterAll(() => pool.end());

const admin = user('adm', 'admin');
const analysts = Array.from({ length: 20 }, (_, k) => user(`ana-${k}`));
const outsider = user('outsider');
let queueId = '';

beforeAll(async () => {
  await seedUsers(pool, [admin, outsider, ...analysts]);
  await seedFlags(
    pool,
    Array.from({ length: 10 }, (_, k) => ({ kind: 'account' as const, id: `acc-${k}`, risk: 0.9 })),
  );
  const made = await change(pool, admin, (db, audit) =>
    createQueue(
      db,
      audit,
      admin.id,
      ZQueueCreate.parse({
        name: 'All flags',
        slaFirstActionMinutes: 60,
        slaDecisionMinutes: 240,
        memberIds: analysts.map((a) => a.id),
      }),
    ),
  );
  queueId = made.queue.id;
  expect(made.routed).toBe(10);
});

describe('claim next', () => {
  it('20 concurrent claims over 10 items: 10 distinct claims, 10 empty answers', async () => {
    // Hold 20 connections open first, so the claims really run side by side.
    const clients = await Promise.all(analysts.map(() => pool.connect()));
    clients.forEach((c) => c.release());
    const results = await Promise.all(
      analysts.map((a) => change(pool, a, (db, audit) => claimNext(db, audit, a))),
    );
    const claimed = results.filter((r) => r.item).map((r) => r.item!.id);
    expect(claimed).toHaveLength(10);
    expect(new Set(claimed).size).toBe(10);
    expect(results.filter((r) => !r.item && r.reason === 'empty')).toHaveLength(10);
    const db = await pool.query(
      `SELECT count(DISTINCT assignee_id)::int AS who, count(*)::int AS n FROM queue_items WHERE assignee_id IS NOT NULL`,
    );
    expect(db.rows[0]).toEqual({ who: 10, n: 10 });
    const audits = await pool.query(
      `SELECT count(DISTINCT target_id)::int AS n FROM audit_log WHERE action = 'queue_item.claim'`,
    );
    expect(audits.rows[0].n).toBe(10);
  });

  it('a non-member gets nothing, and 404 for a queue that is not theirs', async () => {
    const r = await change(pool, outsider, (db, audit) => claimNext(db, audit, outsider));
    expect(r).toEqual({ item: null, reason: 'no_queues' });
    await expect(
      change(pool, outsider, (db, audit) => claimNext(db, audit, outsider, { queueId })),
    ).rejects.toThrow(/No such queue/);
  });

  it('claims in priority order, then oldest first, and skips snoozed items', async () => {
    await pool.query(`UPDATE queue_items SET status = 'done', decided_at = now()`);
    await seedFlags(pool, [
      { kind: 'account', id: 'old-low', risk: 0.5 },
      { kind: 'account', id: 'new-high', risk: 0.5 },
      { kind: 'account', id: 'snoozed', risk: 0.5 },
    ]);
    const hi = await change(pool, admin, (db, audit) =>
      createQueue(
        db,
        audit,
        admin.id,
        ZQueueCreate.parse({
          name: 'Urgent',
          priority: 1,
          filter: { riskMin: 0.5, riskMax: 0.5 },
          slaFirstActionMinutes: 5,
          slaDecisionMinutes: 60,
          memberIds: [analysts[0]!.id],
        }),
      ),
    );
    await pool.query(
      `UPDATE queue_items SET created_at = now() - interval '1 hour' WHERE subject_id = 'old-low'`,
    );
    await pool.query(
      `UPDATE queue_items SET snoozed_until = now() + interval '1 day' WHERE subject_id = 'snoozed'`,
    );
    const a = analysts[0]!;
    const first = await change(pool, a, (db, audit) => claimNext(db, audit, a));
    // 'old-low' sits in both queues; the priority-1 queue's copy comes first, oldest first.
    expect(first.item).toMatchObject({ queue_id: hi.queue.id, subject_id: 'old-low' });
    const second = await change(pool, a, (db, audit) => claimNext(db, audit, a));
    expect(second.item).toMatchObject({ queue_id: hi.queue.id, subject_id: 'new-high' });
  });
});
