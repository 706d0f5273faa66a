import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaRunner } from '@/lib/audit/runners';
import { writeAudit } from '@/lib/audit/write';
import { createCase } from '@/lib/cases/create';
import { prisma } from '@/lib/db/client';
import { withPgTransaction } from '@/lib/db/transaction';
import { NotFoundError } from '@/lib/errors';
import { createQueue } from '@/lib/queues/queues';
import { routeFlagsAfterDetection } from '@/lib/queues/route-flags';
import { ZCaseCreate } from '@/lib/schemas/case';
import { ZQueueCreate } from '@/lib/schemas/queue';
import { change, seedFlags, seedUsers, user } from './queues-fixtures';

// Two defects between queues and the rest: items of flags closed by detection stayed open, and a
// case opened from a queue item linked whatever subject the client named.

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
afterAll(() => pool.end());

const admin = user('adm', 'admin');
const ana = user('ana');
const bob = user('bob');

const itemOf = async (queueId: string, subject: string) =>
  (
    await pool.query<{ id: string; status: string; resolution: string | null }>(
      `SELECT id::text AS id, status, resolution FROM queue_items WHERE queue_id = $1 AND subject_id = $2`,
      [queueId, subject],
    )
  ).rows[0]!;

let queueId = '';
beforeAll(async () => {
  await seedUsers(pool, [admin, ana, bob]);
  await seedFlags(pool, [
    { kind: 'cluster', id: 'k-gone', risk: 0.8, members: ['g1', 'g2'] },
    { kind: 'account', id: 'a-real', risk: 0.7 },
    { kind: 'account', id: 'a-other', risk: 0.7 },
  ]);
  const q = await change(pool, admin, (db, audit) =>
    createQueue(
      db,
      audit,
      admin.id,
      ZQueueCreate.parse({
        name: 'all',
        slaFirstActionMinutes: 60,
        slaDecisionMinutes: 240,
        memberIds: [ana.id],
      }),
    ),
  );
  queueId = q.queue.id;
});

describe('queue items and their flags', () => {
  it('a flag closed by detection closes its open item, audited, and routing leaves it closed', async () => {
    expect((await itemOf(queueId, 'k-gone')).status).toBe('open');
    // What detection does for a cluster that vanished, then its end-of-run routing.
    await pool.query(
      `UPDATE flags SET status = 'closed', closed_reason = 'Cluster no longer exists' WHERE subject_id = 'k-gone'`,
    );
    await withPgTransaction(pool, (c) => routeFlagsAfterDetection(c, '7'));
    const item = await itemOf(queueId, 'k-gone');
    expect(item).toMatchObject({ status: 'done', resolution: 'flag_closed' });
    const audit = await pool.query(
      `SELECT actor_email, reason, after->>'resolution' AS resolution FROM audit_log
       WHERE action = 'queue_item.resolve' AND target_id = $1`,
      [item.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_email: 'system',
        reason: 'Flag closed by detection run 7',
        resolution: 'flag_closed',
      },
    ]);
    // Open flags' items are untouched.
    expect((await itemOf(queueId, 'a-real')).status).toBe('open');
  });
});

describe('a case opened from a queue item', () => {
  const open = (who: typeof ana, body: unknown) =>
    prisma.$transaction((tx) =>
      createCase(
        tx,
        async (e) => {
          await writeAudit(prismaRunner(tx), { ...e, actor: { id: who.id, email: who.email } });
        },
        who,
        ZCaseCreate.parse(body),
      ),
    );

  it("links the item's own subject, whatever subject the client sends", async () => {
    const item = await itemOf(queueId, 'a-real');
    const c = await open(ana, {
      title: 'From the queue',
      source: {
        kind: 'queue_item',
        queue_item_id: item.id,
        subject_kind: 'account',
        subject_id: 'a-other',
      },
    });
    const linked = await pool.query(
      `SELECT account_id FROM case_accounts WHERE case_id = $1::uuid ORDER BY account_id`,
      [c.id],
    );
    expect(linked.rows.map((r) => r.account_id)).toEqual(['a-real']);
  });

  it('an item of a queue the user is not a member of is not found', async () => {
    const item = await itemOf(queueId, 'a-other');
    await expect(
      open(bob, { title: 'x', source: { kind: 'queue_item', queue_item_id: item.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
