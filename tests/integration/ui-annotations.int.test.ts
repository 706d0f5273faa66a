import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { seedDataset } from '@/bench/pages/seed';
import { createAnnotation, listAnnotations } from '@/lib/annotations/annotations';
import { deleteAnnotation } from '@/lib/annotations/edit';
import { getRecentAnnotatedAccounts } from '@/lib/annotations/recent';
import { revealEvent } from '@/lib/events/reveal';
import { deleteView, listSavedViews, saveView } from '@/lib/saved-views/saved-views';
import { ZAnnotationCreate } from '@/lib/schemas/annotation';

const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
const bob: SessionUser = { id: 'u-bob', email: 'bob@x.test', name: 'Bob', role: 'analyst' };
type Audit = Parameters<Parameters<typeof createAnnotation>[1]>[0];

/** Same shape as withRoute's ctx.change: the change and its audit row share one transaction. */
function change<T>(
  user: SessionUser,
  fn: (tx: Tx, audit: (e: Audit) => Promise<void>) => Promise<T>,
): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, (e) =>
      writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } }).then(
        () => undefined,
      ),
    ),
  );
}

let ev: { id: string; ts: string };
beforeAll(async () => {
  await seedDataset(pgPool(), {
    accounts: 300,
    events: 30_000,
    days: 21,
    clusters: 3,
    clusterSize: 20,
    start: '2026-10-01',
  });
  const r = await pgPool().query<{ id: string; ts: Date }>(
    `SELECT id, ts FROM events WHERE account_id = 'acct-000011' ORDER BY ts LIMIT 1`,
  );
  ev = { id: r.rows[0].id, ts: r.rows[0].ts.toISOString() };
});
afterAll(() => closeDb());

const audits = async (action: string) =>
  (await pgPool().query('SELECT * FROM audit_log WHERE action = $1', [action])).rows;

describe('annotations', () => {
  it('stars, tags and comments an event, each audited', async () => {
    const target = {
      subject_type: 'event' as const,
      account_id: 'acct-000011',
      event_id: ev.id,
      event_ts: ev.ts,
    };
    const star = await change(ana, (tx, a) =>
      createAnnotation(tx, a, ana, ZAnnotationCreate.parse({ ...target, kind: 'star' })),
    );
    const again = await change(ana, (tx, a) =>
      createAnnotation(tx, a, ana, ZAnnotationCreate.parse({ ...target, kind: 'star' })),
    );
    expect(again.id).toBe(star.id); // a second star is a no-op
    await change(ana, (tx, a) =>
      createAnnotation(
        tx,
        a,
        ana,
        ZAnnotationCreate.parse({ ...target, kind: 'tag', value: ' Sweep ' }),
      ),
    );
    await change(ana, (tx, a) =>
      createAnnotation(
        tx,
        a,
        ana,
        ZAnnotationCreate.parse({ ...target, kind: 'comment', value: 'systematic bucket order' }),
      ),
    );
    const list = await listAnnotations('acct-000011', [ev.id]);
    expect(list.map((x) => [x.kind, x.value]).sort()).toEqual([
      ['comment', 'systematic bucket order'],
      ['star', null],
      ['tag', 'sweep'],
    ]);
    expect(await audits('annotation.star')).toHaveLength(1);
    expect((await audits('annotation.comment'))[0]).toMatchObject({
      actor_email: 'ana@x.test',
      target_type: 'event',
      target_id: ev.id,
    });
    expect((await getRecentAnnotatedAccounts(ana.id))[0]).toMatchObject({
      account_id: 'acct-000011',
      annotations: 3,
    });
  });

  it('refuses an event filed under the wrong account, and an unknown account', async () => {
    const bad = ZAnnotationCreate.parse({
      subject_type: 'event',
      account_id: 'acct-000012',
      event_id: ev.id,
      event_ts: ev.ts,
      kind: 'star',
    });
    await expect(change(ana, (tx, a) => createAnnotation(tx, a, ana, bad))).rejects.toThrow(
      /not found/i,
    );
    const acct = ZAnnotationCreate.parse({
      subject_type: 'account',
      account_id: 'ghost',
      kind: 'comment',
      value: 'x',
    });
    await expect(change(ana, (tx, a) => createAnnotation(tx, a, ana, acct))).rejects.toThrow(
      /not found/i,
    );
  });

  it('only the author removes an annotation (others get not found); removal is audited and soft', async () => {
    const [c] = (await listAnnotations('acct-000011')).filter((x) => x.kind === 'comment');
    await expect(
      change(bob, (tx, a) => deleteAnnotation(tx, a, bob, BigInt(c.id))),
    ).rejects.toThrow(/not found/i);
    await change(ana, (tx, a) => deleteAnnotation(tx, a, ana, BigInt(c.id)));
    expect((await listAnnotations('acct-000011')).some((x) => x.id === c.id)).toBe(false);
    expect(
      (await pgPool().query('SELECT deleted_by FROM annotations WHERE id = $1', [c.id])).rows[0]
        .deleted_by,
    ).toBe(ana.id);
    expect(await audits('annotation.delete')).toHaveLength(1);
  });

  it('reveal returns the unredacted prompt and logs event.reveal', async () => {
    const r = await change(ana, (tx, a) =>
      revealEvent(tx, a, {
        account_id: 'acct-000011',
        event_id: ev.id,
        event_ts: ev.ts,
        reason: 'case 12: check the masked address',
      }),
    );
    expect(r.prompt).toMatch(/@mail\.example/);
    expect((await audits('event.reveal'))[0]).toMatchObject({
      target_id: ev.id,
      actor_id: ana.id,
      reason: 'case 12: check the masked address',
    });
  });

  it('saved views are per user, canonicalised, replaced by name', async () => {
    const v = await change(ana, (tx, a) =>
      saveView(tx, a, ana.id, {
        page: 'accounts',
        name: 'hot',
        query: '?sort=risk&risk_min=0.8&bogus=1&page=1',
      }),
    );
    expect(v.query).toBe('?risk_min=0.8');
    await change(ana, (tx, a) =>
      saveView(tx, a, ana.id, { page: 'accounts', name: 'hot', query: 'status=open' }),
    );
    expect((await listSavedViews(ana.id, 'accounts')).map((x) => x.query)).toEqual([
      '?status=open',
    ]);
    expect(await listSavedViews(bob.id, 'accounts')).toEqual([]);
    await expect(change(bob, (tx, a) => deleteView(tx, a, bob.id, v.id))).rejects.toThrow(
      /not found/i,
    );
    await change(ana, (tx, a) => deleteView(tx, a, ana.id, v.id));
    expect(await audits('saved_view.update')).toHaveLength(1);
  });
});
