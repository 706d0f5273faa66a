import 'server-only';
import { prisma } from '@/lib/db/client';
import { caseVisibilityWhere, PERMISSIONS, type SessionUser } from '@/lib/auth/permissions';
import { renderMarkdown } from '@/lib/cases/markdown';
import { NotFoundError } from '@/lib/errors';
import { userRefs, type UserRef } from './user-refs';

// A case's notes, oldest first, with their Markdown rendered and sanitised here, on every read:
// what is stored is what the author typed, so a fix to the sanitiser protects old notes too.

export interface CaseNoteView {
  id: string;
  author: UserRef;
  markdown: string;
  html: string;
  mentions: UserRef[];
  created_at: string;
  edited_at: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws NotFoundError when the case does not exist or the user may not open it. */
export async function assertCaseVisible(user: SessionUser, caseId: string): Promise<void> {
  const c = UUID.test(caseId)
    ? await prisma.case.findFirst({
        where: { id: caseId, ...caseVisibilityWhere(user) },
        select: { id: true },
      })
    : null;
  if (!c) throw new NotFoundError('Case not found');
}

export async function getCaseNotes(user: SessionUser, caseId: string): Promise<CaseNoteView[]> {
  await assertCaseVisible(user, caseId);
  const notes = await prisma.caseNote.findMany({
    where: { case_id: caseId, deleted_at: null },
    orderBy: [{ created_at: 'asc' }, { id: 'asc' }],
    take: 1000,
  });
  const refs = await userRefs(notes.flatMap((n) => [n.author_id, ...n.mention_ids]));
  const ref = (id: string): UserRef => refs.get(id) ?? { id, name: id, email: '' };
  return notes.map((n) => ({
    id: n.id.toString(),
    author: ref(n.author_id),
    markdown: n.body,
    html: renderMarkdown(n.body),
    mentions: n.mention_ids.map(ref),
    created_at: n.created_at.toISOString(),
    edited_at: n.edited_at ? n.edited_at.toISOString() : null,
  }));
}

/** Users a note on this case may mention: active users who can open it (the picker). */
export async function mentionableUsers(user: SessionUser, caseId: string): Promise<UserRef[]> {
  await assertCaseVisible(user, caseId);
  const c = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { restricted: true, assignee_id: true, watchers: { select: { user_id: true } } },
  });
  const allowed = [c.assignee_id, ...c.watchers.map((w) => w.user_id)].filter(
    (x): x is string => !!x,
  );
  return prisma.user.findMany({
    where: {
      disabled: false,
      ...(c.restricted
        ? { OR: [{ role: { in: [...PERMISSIONS['cases:legal']] } }, { id: { in: allowed } }] }
        : {}),
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
    take: 500,
  });
}
