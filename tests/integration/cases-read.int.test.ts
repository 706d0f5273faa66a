import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, prisma } from '@/lib/db/client';
import type { SessionUser } from '@/lib/auth/permissions';
import { getCase } from '@/lib/queries/case';
import { NotFoundError } from '@/lib/errors';

const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
const bob: SessionUser = { id: 'u-bob', email: 'bob@x.test', name: 'Bob', role: 'analyst' };
const lea: SessionUser = { id: 'u-lea', email: 'lea@x.test', name: 'Lea', role: 'legal' };
afterAll(() => closeDb());

describe('getCase', () => {
  it('reads a case with its links, and hides a restricted one from a non-watcher analyst', async () => {
    await prisma.user.createMany({
      data: [ana, bob, lea].map((u) => ({ ...u })),
      skipDuplicates: true,
    });
    const c = await prisma.case.create({
      data: {
        title: 'Sweep ring',
        restricted: true,
        assignee_id: ana.id,
        created_by: ana.id,
        accounts: {
          create: {
            account_id: 'acct-1',
            risk_at_link: 0.9,
            reasons_at_link: ['x'],
            linked_by: ana.id,
          },
        },
      },
    });
    const seen = await getCase(ana, c.id);
    expect(seen).toMatchObject({
      title: 'Sweep ring',
      version: 1,
      status: 'new',
      restricted: true,
    });
    expect(seen.assignee?.email).toBe(ana.email);
    expect(seen.accounts[0]).toMatchObject({ account_id: 'acct-1', reasons_at_link: ['x'] });
    expect(seen.accounts[0]!.risk_at_link).toBeCloseTo(0.9);
    await expect(getCase(bob, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCase(lea, c.id)).id).toBe(c.id);
    await prisma.caseWatcher.create({ data: { case_id: c.id, user_id: bob.id } });
    expect((await getCase(bob, c.id)).watchers.map((w) => w.id)).toEqual([bob.id]);
    await expect(getCase(ana, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });
});
