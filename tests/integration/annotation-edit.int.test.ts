import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { seedDataset } from '@/bench/pages/seed';
import { createAnnotation } from '@/lib/annotations/annotations';
import { deleteAnnotation, updateAnnotation } from '@/lib/annotations/edit';
import {
  ANNOTATIONS_PER_ACCOUNT_MAX,
  COMMENT_MAX,
  ZAnnotationCreate,
} from '@/lib/schemas/annotation';
import { ZRevealBody } from '@/lib/schemas/reveal';

// Issue 15, item 4 and 5: authors edit and delete their own annotations (audited with before and
// after); limits refuse with a message naming the field instead of cutting text; a reveal needs a
// reason. Real Postgres, the same transaction shape as withRoute's ctx.change.
const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
const bob: SessionUser = { id: 'u-bob', email: 'bob@x.test', name: 'Bob', role: 'analyst' };
const boss: SessionUser = { id: 'u-boss', email: 'boss@x.test', name: 'Boss', role: 'admin' };
type Audit = Parameters<Parameters<typeof createAnnotation>[1]>[0];

function change<T>(user: SessionUser, fn: (tx: Tx, a: (e: Audit) => Promise<void>) => Promise<T>) {
  return prisma.$transaction((tx) =>
    fn(tx, (e) =>
      writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } }).then(
        () => undefined,
      ),
    ),
  );
}
const comment = (user: SessionUser, value: string, account = 'acct-000021') =>
  change(user, (tx, a) =>
    createAnnotation(
      tx,
      a,
      user,
      ZAnnotationCreate.parse({
        subject_type: 'account',
        account_id: account,
        kind: 'comment',
        value,
      }),
    ),
  );
const audits = async (action: string) =>
  (await pgPool().query('SELECT * FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows;

beforeAll(() =>
  seedDataset(pgPool(), {
    accounts: 60,
    events: 3_000,
    days: 7,
    clusters: 1,
    clusterSize: 10,
    start: '2026-10-01',
  }),
);
afterAll(() => closeDb());

describe('annotation edit and delete', () => {
  it('the author edits a comment; the audit row holds before and after', async () => {
    const c = await comment(ana, 'first thought');
    const edited = await change(ana, (tx, a) =>
      updateAnnotation(tx, a, ana, BigInt(c.id), '  a sweep over the taxonomy  '),
    );
    expect(edited.value).toBe('a sweep over the taxonomy');
    // marked as edited (the page shows "edited" with this time); a new one is not
    expect(c.updated_at).toBeNull();
    expect(Date.parse(edited.updated_at!)).toBeGreaterThanOrEqual(Date.parse(c.created_at));
    const [row] = await audits('annotation.update');
    expect(row.before).toMatchObject({ id: c.id, value: 'first thought', updated_at: null });
    expect(row.after).toMatchObject({ id: c.id, value: 'a sweep over the taxonomy' });
    expect(row.after).toHaveProperty('updated_at', edited.updated_at);
  });

  it('another analyst, even an admin, cannot edit it (404); an admin may delete it', async () => {
    const c = await comment(ana, 'mine');
    for (const u of [bob, boss])
      await expect(
        change(u, (tx, a) => updateAnnotation(tx, a, u, BigInt(c.id), 'theirs')),
      ).rejects.toThrow(/not found/i);
    await expect(
      change(bob, (tx, a) => deleteAnnotation(tx, a, bob, BigInt(c.id))),
    ).rejects.toThrow(/not found/i);
    await change(boss, (tx, a) => deleteAnnotation(tx, a, boss, BigInt(c.id)));
    await expect(
      change(ana, (tx, a) => updateAnnotation(tx, a, ana, BigInt(c.id), 'too late')),
    ).rejects.toThrow(/not found/i);
    expect((await audits('annotation.delete')).at(-1)).toMatchObject({ actor_id: boss.id });
  });

  it('too long or empty text is refused with the field named, and nothing changes', async () => {
    const c = await comment(ana, 'keep me');
    const err = await change(ana, (tx, a) =>
      updateAnnotation(tx, a, ana, BigInt(c.id), 'x'.repeat(COMMENT_MAX + 1)),
    ).catch((e: unknown) => e as { field?: string; message: string });
    expect(err).toMatchObject({
      field: 'value',
      message: `value is at most ${COMMENT_MAX} characters`,
    });
    await expect(
      change(ana, (tx, a) => updateAnnotation(tx, a, ana, BigInt(c.id), '   ')),
    ).rejects.toThrow(/write a comment first/);
    const row = await prisma.annotation.findUnique({ where: { id: BigInt(c.id) } });
    expect(row?.value).toBe('keep me');
    expect(() =>
      ZAnnotationCreate.parse({
        subject_type: 'account',
        account_id: 'acct-000021',
        kind: 'comment',
        value: 'y'.repeat(COMMENT_MAX + 1),
      }),
    ).toThrow(/at most 4000 characters/);
  });

  it(`refuses annotation ${ANNOTATIONS_PER_ACCOUNT_MAX + 1} of one author on one account`, async () => {
    const account = 'acct-000022';
    for (let i = 0; i < ANNOTATIONS_PER_ACCOUNT_MAX; i++) await comment(bob, `note ${i}`, account);
    await expect(comment(bob, 'one more', account)).rejects.toThrow(/edit or delete one first/);
    await expect(
      comment(ana, 'another author is not limited by Bob', account),
    ).resolves.toBeTruthy();
  });
});

describe('reveal', () => {
  it('needs a reason, named in the error', () => {
    const base = { account_id: 'a', event_id: 'e', event_ts: '2026-10-01T00:00:00Z' };
    const r = ZRevealBody.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(r.error?.issues[0].message).toMatch(/say why/);
    expect(ZRevealBody.safeParse({ ...base, reason: '  ' }).success).toBe(false);
    expect(ZRevealBody.parse({ ...base, reason: ' case 9 ' }).reason).toBe('case 9');
  });
});
