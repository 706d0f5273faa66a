import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkItems } from '@/lib/queues/bulk';
import { actOnItem } from '@/lib/queues/item-actions';
import { createQueue } from '@/lib/queues/queues';
import { routeFlags } from '@/lib/queues/route-flags';
import { slaState, slaStateSql } from '@/lib/queues/sla';
import { ZBulkItems, ZQueueCreate } from '@/lib/schemas/queue';
import { change, seedFlags, seedUsers, user } from './queues-fixtures';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
afterAll(() => pool.end());

const admin = user('adm', 'admin');
const ana = user('ana');
const bob = user('bob');
const legal = user('leg', 'legal');

const makeQueue = (name: string, extra: Record<string, unknown> = {}) =>
  change(pool, admin, (db, audit) =>
    createQueue(
      db,
      audit,
      admin.id,
      ZQueueCreate.parse({
        name,
        slaFirstActionMinutes: 60,
        slaDecisionMinutes: 240,
        memberIds: [ana.id, bob.id],
        ...extra,
      }),
    ),
  );
const route = () => change(pool, admin, (db, audit) => routeFlags(db, audit));
const items = async (queueId: string) =>
  (
    await pool.query<{ subject_id: string; status: string }>(
      `SELECT subject_id, status FROM queue_items WHERE queue_id = $1 ORDER BY subject_id, id`,
      [queueId],
    )
  ).rows;

beforeAll(async () => {
  await seedUsers(pool, [admin, ana, bob, legal]);
  await seedFlags(pool, [
    {
      kind: 'account',
      id: 'a-de',
      risk: 0.9,
      reasons: ['volume_z', 'timing_cv'],
      country: 'DE',
      models: ['m-large'],
    },
    {
      kind: 'account',
      id: 'a-us',
      risk: 0.6,
      reasons: ['volume_z'],
      country: 'US',
      models: ['m-small'],
    },
    { kind: 'account', id: 'a-low', risk: 0.3, reasons: [], country: 'DE' },
    {
      kind: 'cluster',
      id: 'k-big',
      risk: 0.8,
      members: ['m1', 'm2', 'm3'],
      country: 'BR',
      models: ['m-large'],
    },
  ]);
});

describe('routing', () => {
  it('routes only matching open flags, by every filter field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ subjectKinds: ['cluster'] }, ['k-big']],
      [{ riskMin: 0.6, riskMax: 0.85 }, ['a-us', 'k-big']],
      [{ signals: ['volume_z', 'timing_cv'] }, ['a-de']],
      [{ clusterSizeMin: 2 }, ['k-big']],
      [{ clusterSizeMax: 1 }, ['a-de', 'a-low', 'a-us']],
      [{ models: ['m-large'] }, ['a-de', 'k-big']],
      [{ countries: ['de'] }, ['a-de', 'a-low']],
      [{ countries: ['BR'], subjectKinds: ['account'] }, []],
    ];
    for (const [k, [filter, want]] of cases.entries()) {
      const { queue, routed } = await makeQueue(`f${k}`, { filter });
      expect(
        (await items(queue.id)).map((i) => i.subject_id),
        JSON.stringify(filter),
      ).toEqual(want);
      expect(routed).toBe(want.length);
    }
  });

  it('is idempotent while an item is open, skips decided ones, routes re-opened flags again', async () => {
    const { queue } = await makeQueue('idem', { filter: { subjectKinds: ['account'] } });
    expect(await items(queue.id)).toHaveLength(3);
    await route();
    await route();
    expect(await items(queue.id)).toHaveLength(3);
    // Decide a-de's item: the flag is still open, but this opening was handled.
    const { rows } = await pool.query(
      `SELECT id::text AS id FROM queue_items WHERE queue_id = $1 AND subject_id = 'a-de'`,
      [queue.id],
    );
    await change(pool, ana, (db, audit) =>
      actOnItem(db, audit, ana, rows[0].id, {
        action: 'resolve',
        resolution: 'no_action',
        reason: 'benign',
      }),
    );
    await route();
    expect((await items(queue.id)).filter((i) => i.subject_id === 'a-de')).toEqual([
      { subject_id: 'a-de', status: 'done' },
    ]);
    // Closed and re-opened (the trigger moves opened_at): routed again.
    await pool.query(`UPDATE flags SET status = 'closed' WHERE subject_id = 'a-de'`);
    await new Promise((r) => setTimeout(r, 5));
    await pool.query(`UPDATE flags SET status = 'open' WHERE subject_id = 'a-de'`);
    await route();
    await route();
    expect((await items(queue.id)).filter((i) => i.subject_id === 'a-de')).toEqual([
      { subject_id: 'a-de', status: 'done' },
      { subject_id: 'a-de', status: 'open' },
    ]);
  });
});

describe('SLA in SQL', () => {
  it('matches the TypeScript rule at every boundary', async () => {
    const { queue } = await makeQueue('sla', { filter: { subjectKinds: ['cluster'] } });
    const now = new Date('2026-11-30T12:00:00.000Z');
    const ago = (min: number, ms = 0) => new Date(now.getTime() - min * 60_000 - ms);
    // [created, first action, decided]
    const rows: [Date, Date | null, Date | null][] = [
      [ago(45, -1), null, null], // just under 75 % of 60 min
      [ago(45), null, null], // exactly 75 %: at risk
      [ago(60), null, null], // exactly 100 %: still at risk
      [ago(60, 1), null, null], // 1 ms over: breached
      [ago(180), ago(170), null], // first action in time, 75 % of decision
      [ago(240, 1), ago(230), null], // decision clock over
      [ago(300), ago(200), ago(100)], // late first action stays breached
      [ago(300), ago(299), ago(100)], // met both clocks
    ];
    for (const [k, [c, f, d]] of rows.entries())
      await pool.query(
        `INSERT INTO queue_items (queue_id, queue_priority, subject_type, subject_id, risk, status,
           created_at, first_action_at, decided_at) VALUES ($1, 100, 'account', $2, 0.5, $3, $4, $5, $6)`,
        [queue.id, `sla-${k}`, d ? 'done' : 'open', c, f, d],
      );
    const r = await pool.query(
      `SELECT i.subject_id, i.created_at, i.first_action_at, i.decided_at, ${slaStateSql('$2::timestamptz')} AS sla
       FROM queue_items i JOIN queues q ON q.id = i.queue_id WHERE i.queue_id = $1 AND i.subject_id LIKE 'sla-%'
       ORDER BY i.subject_id`,
      [queue.id, now],
    );
    const policy = { firstActionMinutes: 60, decisionMinutes: 240 };
    expect(r.rows.map((x) => x.sla)).toEqual(r.rows.map((x) => slaState(x, policy, now)));
    expect(r.rows.map((x) => x.sla)).toEqual([
      'on_time',
      'at_risk',
      'at_risk',
      'breached',
      'at_risk',
      'breached',
      'breached',
      'on_time',
    ]);
  });
});

describe('bulk actions', () => {
  it('all or nothing, one audit row per item with the reason', async () => {
    const { queue } = await makeQueue('bulk', { filter: { subjectKinds: ['account'] } });
    const ids = (
      await pool.query(`SELECT id::text AS id FROM queue_items WHERE queue_id = $1 ORDER BY id`, [
        queue.id,
      ])
    ).rows.map((x) => x.id as string);
    expect(ids).toHaveLength(3);
    const auditCount = async () =>
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'queue_item.%'`,
        )
      ).rows[0].n;
    const before = await auditCount();
    // Legal is no member: the whole assignment is refused and nothing changes.
    const bad = ZBulkItems.parse({
      action: 'assign',
      ids,
      assigneeId: legal.id,
      reason: 'spread load',
    });
    await expect(
      change(pool, admin, (db, audit) => bulkItems(db, audit, admin, bad)),
    ).rejects.toThrow(/not an active member/);
    // One closed item among them: refused as a whole, even though the first items were fine.
    await pool.query(`UPDATE queue_items SET status = 'done', decided_at = now() WHERE id = $1`, [
      ids[2],
    ]);
    const good = ZBulkItems.parse({
      action: 'assign',
      ids,
      assigneeId: bob.id,
      reason: 'spread load',
    });
    await expect(
      change(pool, admin, (db, audit) => bulkItems(db, audit, admin, good)),
    ).rejects.toThrow(/already closed/);
    const assigned = await pool.query(
      `SELECT count(*)::int AS n FROM queue_items WHERE assignee_id = $1`,
      [bob.id],
    );
    expect(assigned.rows[0].n).toBe(0);
    expect(await auditCount()).toBe(before);
    // The two open ones: preview counts, then the action writes one audit row each.
    const two = { ...good, ids: ids.slice(0, 2) };
    expect(
      await change(pool, admin, (db, audit) =>
        bulkItems(db, audit, admin, { ...two, preview: true }),
      ),
    ).toEqual({ preview: true, count: 2, byQueue: { [queue.id]: 2 } });
    expect(await auditCount()).toBe(before);
    await change(pool, admin, (db, audit) => bulkItems(db, audit, admin, two));
    const rows = await pool.query(
      `SELECT target_id, reason, actor_id FROM audit_log WHERE action = 'queue_item.reassign' ORDER BY target_id`,
    );
    expect(rows.rows).toEqual(
      ids.slice(0, 2).map((id) => ({ target_id: id, reason: 'spread load', actor_id: admin.id })),
    );
  });

  it('an unknown or invisible id is 404 for the whole batch', async () => {
    const outsider = user('out');
    await seedUsers(pool, [outsider]);
    const { rows } = await pool.query(
      `SELECT id::text AS id FROM queue_items WHERE status = 'open' LIMIT 1`,
    );
    const input = ZBulkItems.parse({ action: 'release', ids: [rows[0].id], reason: 'x' });
    await expect(
      change(pool, outsider, (db, audit) => bulkItems(db, audit, outsider, input)),
    ).rejects.toThrow(/No such queue item/);
    const unknown = ZBulkItems.parse({ action: 'release', ids: ['999999'], reason: 'x' });
    await expect(
      change(pool, admin, (db, audit) => bulkItems(db, audit, admin, unknown)),
    ).rejects.toThrow(/No such queue item: 999999/);
  });
});

describe('read models', () => {
  it('lists items server-paginated with every state and SLA filter, and sums up per queue', async () => {
    const { listQueueItems } = await import('@/lib/queries/queue-items');
    const { getQueueSummaries } = await import('@/lib/queries/queues-summary');
    const { getDepthOverTime, getQueueTimings } = await import('@/lib/queries/team-metrics');
    const { ZItemListQuery } = await import('@/lib/schemas/queue');
    for (const state of ['open', 'unclaimed', 'claimed', 'mine', 'snoozed', 'done'] as const)
      for (const sla of [undefined, 'on_time', 'at_risk', 'breached'] as const) {
        const q = ZItemListQuery.parse({ state, sla, pageSize: 2 });
        const page = await listQueueItems(null, q, ana.id);
        expect(page.rows.length).toBeLessThanOrEqual(2);
        expect(page.total).toBeGreaterThanOrEqual(page.rows.length);
      }
    const all = await listQueueItems(null, ZItemListQuery.parse({ state: 'open' }), ana.id);
    const sums = await getQueueSummaries(null, ana.id);
    expect(sums.reduce((a, s) => a + s.open, 0)).toBe(all.total);
    for (const s of sums) expect(s.unclaimed + s.claimed + s.snoozed).toBe(s.open);
    const depth = await getDepthOverTime(30);
    expect(depth.at(-1)!.depth).toBe(all.total);
    expect((await getQueueTimings(30)).length).toBe(sums.length);
    // An analyst sees only the queues they belong to.
    const none = await listQueueItems([], ZItemListQuery.parse({}), legal.id);
    expect(none.total).toBe(0);
  });
});

describe('open a case from an item', () => {
  it('creates the case linked to the subject and decides the item in one transaction', async () => {
    const { prisma } = await import('@/lib/db/client');
    const { openCaseFromItem } = await import('@/lib/queues/open-case');
    const { writeAudit } = await import('@/lib/audit/write');
    const { prismaRunner } = await import('@/lib/audit/runners');
    const { rows } = await pool.query(
      // An item routed from a real flag (the SLA fixtures above are open items on made-up ids);
      // without ORDER BY, LIMIT 1 returned whichever row the heap gave first.
      `SELECT i.id::text AS id, i.subject_id FROM queue_items i
       JOIN accounts a ON a.account_id = i.subject_id
       WHERE i.status = 'open' AND i.subject_type = 'account' ORDER BY i.id LIMIT 1`,
    );
    const run = (id: string) =>
      prisma.$transaction((tx) =>
        openCaseFromItem(
          tx,
          (e) =>
            writeAudit(prismaRunner(tx), {
              ...e,
              actor: { id: admin.id, email: admin.email },
            }).then(() => undefined),
          admin,
          id,
          { title: 'Harvesting suspect' },
        ),
      );
    const made = await run(rows[0].id);
    const c = await pool.query(
      `SELECT c.queue_item_id, c.opened_from, a.account_id FROM cases c
       JOIN case_accounts a ON a.case_id = c.id WHERE c.id = $1`,
      [made.caseId],
    );
    expect(c.rows).toEqual([
      { queue_item_id: rows[0].id, opened_from: 'queue_item', account_id: rows[0].subject_id },
    ]);
    const item = await pool.query(
      `SELECT status, resolution, decided_at IS NOT NULL AS decided FROM queue_items WHERE id = $1`,
      [rows[0].id],
    );
    expect(item.rows[0]).toEqual({ status: 'done', resolution: 'case_opened', decided: true });
    // The item is decided: a second case from it is refused and nothing is created.
    const before = (await pool.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    await expect(run(rows[0].id)).rejects.toThrow(/already closed/);
    expect((await pool.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before);
  });
});
