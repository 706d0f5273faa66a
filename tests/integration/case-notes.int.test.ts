import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { createCase } from '@/lib/cases/create';
import { updateCase } from '@/lib/cases/update';
import { addNote, deleteNote, editNote } from '@/lib/cases/notes';
import { markInbox } from '@/lib/cases/inbox';
import { getCaseNotes, mentionableUsers } from '@/lib/queries/case-notes';
import { getInbox, unreadCount } from '@/lib/queries/inbox';
import { getCaseActivity } from '@/lib/queries/case-activity';
import { ForbiddenError, NotFoundError, TooLargeError } from '@/lib/errors';
import { NOTE_MAX_BYTES } from '@/lib/schemas/note';
import { ZCaseCreate, type TCaseCreate } from '@/lib/schemas/case';

// Notes (Markdown rendered inert), @mentions into the inbox, assignments into the inbox.
const ana: SessionUser = { id: 'n-ana', email: 'ana@notes.test', name: 'Ana', role: 'analyst' };
const bob: SessionUser = { id: 'n-bob', email: 'bob@notes.test', name: 'Bob', role: 'analyst' };
const cat: SessionUser = { id: 'n-cat', email: 'cat@notes.test', name: 'Cat', role: 'analyst' };
const lea: SessionUser = { id: 'n-lea', email: 'lea@notes.test', name: 'Lea', role: 'legal' };

function change<T>(user: SessionUser, fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, async (e) => {
      await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
    }),
  );
}
const open = (user: SessionUser, input: Partial<TCaseCreate> = {}) =>
  change(user, (tx, a) =>
    createCase(
      tx,
      a,
      user,
      ZCaseCreate.parse({ title: 'Notes case', source: { kind: 'manual' }, ...input }),
    ),
  );
const note = (user: SessionUser, caseId: string, body: string) =>
  change(user, (tx, a) => addNote(tx, a, user, caseId, body));
const inboxOf = (u: SessionUser) => getInbox(u, { page: 1, size: 50 });

beforeAll(async () => {
  await prisma.user.createMany({ data: [ana, bob, cat, lea], skipDuplicates: true });
});
afterAll(() => closeDb());

describe('notes', () => {
  it('a note with <script>, an onerror attribute and a javascript: link renders inert', async () => {
    const c = await open(ana);
    const body = [
      'Look <script>alert("x")</script> here.',
      '<img src="x" onerror="alert(1)">',
      '[click me](javascript:alert(document.cookie))',
      '**kept** and [a real link](https://example.com/a)',
    ].join('\n\n');
    await note(ana, c.id, body);
    const [n] = await getCaseNotes(ana, c.id);
    expect(n!.markdown).toBe(body); // stored as written
    const html = n!.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(html).toContain('&lt;script&gt;'); // shown as text, not run
    expect(html).toContain('<strong>kept</strong>');
    expect(html).toContain('href="https://example.com/a"');
  });

  it('refuses Markdown over 100 kB with a 413 naming the field; the note is not saved', async () => {
    const c = await open(ana);
    await note(ana, c.id, 'first');
    const big = 'x'.repeat(NOTE_MAX_BYTES + 1);
    const err = await note(ana, c.id, big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as TooLargeError).field).toBe('body');
    expect((err as Error).message).toMatch(/^body: .*limit is 100 kB/);
    // exactly at the limit is fine (multi-byte characters count as bytes)
    await note(ana, c.id, 'é'.repeat(NOTE_MAX_BYTES / 2));
    const tooManyBytes = 'é'.repeat(NOTE_MAX_BYTES / 2 + 1);
    await expect(note(ana, c.id, tooManyBytes)).rejects.toBeInstanceOf(TooLargeError);
    const notes = await getCaseNotes(ana, c.id);
    expect(notes.map((n) => n.markdown.length)).toEqual([5, NOTE_MAX_BYTES / 2]);
  });

  it('authors edit and delete their own notes (soft, audited, in the timeline); others may not', async () => {
    const c = await open(ana);
    const n = await note(ana, c.id, 'draft');
    await expect(
      change(bob, (tx, a) => editNote(tx, a, bob, c.id, BigInt(n.id), 'hijack')),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await change(ana, (tx, a) => editNote(tx, a, ana, c.id, BigInt(n.id), 'final'));
    expect((await getCaseNotes(ana, c.id))[0]).toMatchObject({ markdown: 'final' });
    await expect(
      change(bob, (tx, a) => deleteNote(tx, a, bob, c.id, BigInt(n.id))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await change(ana, (tx, a) => deleteNote(tx, a, ana, c.id, BigInt(n.id)));
    expect(await getCaseNotes(ana, c.id)).toEqual([]);
    const row = await prisma.caseNote.findUniqueOrThrow({ where: { id: BigInt(n.id) } });
    expect(row.deleted_at).not.toBeNull(); // soft
    const activity = await getCaseActivity(c.id);
    expect(activity.map((e) => e.action).slice(0, 3)).toEqual([
      'case.note_delete',
      'case.note_edit',
      'case.note_add',
    ]);
    expect(activity[0]!.before).toMatchObject({ body: 'final' });
    expect(activity[1]!.before).toMatchObject({ body: 'draft' });
  });
});

describe('mentions and the inbox', () => {
  it('a mention creates an inbox entry for the mentioned user only', async () => {
    const c = await open(ana);
    const before = { bob: await unreadCount(bob), cat: await unreadCount(cat) };
    const saved = await note(ana, c.id, 'Can you look, @bob? cc @nobody');
    expect(saved.mentions).toEqual([bob.id]);
    expect(saved.ignored).toEqual([{ mention: '@nobody', reason: expect.any(String) }]);
    expect(await unreadCount(bob)).toBe(before.bob + 1);
    expect(await unreadCount(cat)).toBe(before.cat);
    expect(await unreadCount(ana)).toBe(0); // the author is not notified of their own note
    const entry = (await inboxOf(bob)).rows[0]!;
    expect(entry).toMatchObject({
      kind: 'mention',
      case_id: c.id,
      note_id: saved.id,
      read_at: null,
    });
    expect(entry.summary).toContain('Ana mentioned you');
    // an edit that keeps the mention does not notify again; a new mention does
    await change(ana, (tx, a) =>
      editNote(tx, a, ana, c.id, BigInt(saved.id), 'Can you look, @bob? and @cat@notes.test'),
    );
    expect(await unreadCount(bob)).toBe(before.bob + 1);
    expect(await unreadCount(cat)).toBe(before.cat + 1);
  });

  it('on a restricted case, a mention of someone who cannot see it is ignored with a reason', async () => {
    const c = await open(ana, { restricted: true });
    const saved = await note(ana, c.id, '@cat and @lea, please review');
    expect(saved.mentions).toEqual([lea.id]); // legal reads every case
    expect(saved.ignored).toEqual([{ mention: '@cat', reason: 'cannot see this restricted case' }]);
    expect((await inboxOf(cat)).rows.some((r) => r.case_id === c.id)).toBe(false);
    expect((await mentionableUsers(ana, c.id)).map((u) => u.id).sort()).toEqual(
      [ana.id, lea.id].sort(),
    );
    await expect(note(cat, c.id, 'let me in')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('assignment lands in the assignee inbox; read, unread and mark all read', async () => {
    const c = await open(ana, { assignee_id: cat.id });
    let inbox = await inboxOf(cat);
    expect(inbox.rows[0]).toMatchObject({ kind: 'case_assigned', case_id: c.id });
    const v = (await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).version;
    await change(ana, (tx, a) => updateCase(tx, a, ana, c.id, { version: v, assignee_id: bob.id }));
    expect((await inboxOf(bob)).rows[0]).toMatchObject({ kind: 'case_assigned', case_id: c.id });

    inbox = await inboxOf(cat);
    const first = inbox.rows[0]!;
    await change(cat, (tx, a) =>
      markInbox(prismaRunner(tx), a, cat.id, { ids: [first.id], read: true }),
    );
    expect(await unreadCount(cat)).toBe(inbox.unread - 1);
    // someone else's ids are not touched
    const r = await change(bob, (tx, a) =>
      markInbox(prismaRunner(tx), a, bob.id, { ids: [first.id], read: false }),
    );
    expect(r.count).toBe(0);
    await change(cat, (tx, a) => markInbox(prismaRunner(tx), a, cat.id, { all: true }));
    expect(await unreadCount(cat)).toBe(0);
    const unreadOnly = await getInbox(cat, { page: 1, size: 10, unread: 'true' });
    expect(unreadOnly).toMatchObject({ rows: [], total: 0, unread: 0 });
  });

  it('pages the inbox on the server', async () => {
    const c = await open(ana);
    for (let i = 0; i < 3; i++) await note(ana, c.id, `round ${i} @bob`);
    const total = (await inboxOf(bob)).total;
    const p1 = await getInbox(bob, { page: 1, size: 2 });
    const p2 = await getInbox(bob, { page: 2, size: 2 });
    expect(p1.rows).toHaveLength(2);
    expect(p1.total).toBe(total);
    expect(p2.rows[0]!.id).not.toBe(p1.rows[1]!.id);
    expect(Number(p1.rows[0]!.id)).toBeGreaterThan(Number(p2.rows[0]!.id));
  });
});
