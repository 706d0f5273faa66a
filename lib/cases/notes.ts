import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { ForbiddenError, NotFoundError, TooLargeError } from '@/lib/errors';
import { NOTE_MAX_BYTES } from '@/lib/schemas/note';
import { notify } from './inbox';
import { lockCase, touchCase, type LockedCase } from './lock';
import { parseMentions, resolveMentions, type MentionResult } from './mentions';

// Notes on a case: Markdown (rendered and sanitised on read, lib/cases/markdown.ts) with
// @mentions. Each add, edit and delete writes a case.note_* audit row on the case, so notes show
// in its activity timeline; the body rides in the payload, so an edit or a delete keeps the
// earlier text in the hash-chained log. Only the author edits or deletes a note.

function assertSize(body: string): void {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > NOTE_MAX_BYTES)
    throw new TooLargeError(
      `body: the note is ${(bytes / 1024).toFixed(1)} kB of Markdown; the limit is ` +
        `${NOTE_MAX_BYTES / 1024} kB (${NOTE_MAX_BYTES} bytes). Nothing was saved.`,
      'body',
    );
}

async function mentionInbox(
  tx: Tx,
  user: SessionUser,
  c: LockedCase,
  noteId: bigint,
  userIds: string[],
): Promise<void> {
  await notify(
    prismaRunner(tx),
    user.id,
    userIds.map((id) => ({
      user_id: id,
      kind: 'mention' as const,
      case_id: c.id,
      note_id: noteId.toString(),
      summary: `${user.name} mentioned you on case #${c.number} ${c.title}`,
    })),
  );
}

export interface NoteSaved {
  id: string;
  mentions: string[];
  ignored: MentionResult['ignored'];
}

export async function addNote(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  body: string,
): Promise<NoteSaved> {
  assertSize(body);
  const c = await lockCase(tx, user, caseId);
  const m = await resolveMentions(tx, c, user.id, parseMentions(body));
  const note = await tx.caseNote.create({
    data: { case_id: c.id, author_id: user.id, body, mention_ids: m.user_ids },
  });
  await mentionInbox(tx, user, c, note.id, m.user_ids);
  await touchCase(tx, c);
  await audit({
    action: 'case.note_add',
    targetType: 'case',
    targetId: c.id,
    after: { note_id: note.id.toString(), body, mention_ids: m.user_ids },
  });
  return { id: note.id.toString(), mentions: m.user_ids, ignored: m.ignored };
}

async function ownNote(tx: Tx, user: SessionUser, c: LockedCase, noteId: bigint) {
  const n = await tx.caseNote.findFirst({ where: { id: noteId, case_id: c.id, deleted_at: null } });
  if (!n) throw new NotFoundError('Note not found');
  if (n.author_id !== user.id) throw new ForbiddenError('Only the author may change this note');
  return n;
}

/** Edits a note. Users mentioned for the first time by the edit get an inbox entry. */
export async function editNote(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  noteId: bigint,
  body: string,
): Promise<NoteSaved> {
  assertSize(body);
  const c = await lockCase(tx, user, caseId);
  const n = await ownNote(tx, user, c, noteId);
  const m = await resolveMentions(tx, c, user.id, parseMentions(body));
  await tx.caseNote.update({
    where: { id: n.id },
    data: { body, mention_ids: m.user_ids, edited_at: new Date() },
  });
  const fresh = m.user_ids.filter((id) => !n.mention_ids.includes(id));
  await mentionInbox(tx, user, c, n.id, fresh);
  await touchCase(tx, c);
  await audit({
    action: 'case.note_edit',
    targetType: 'case',
    targetId: c.id,
    before: { note_id: n.id.toString(), body: n.body, mention_ids: n.mention_ids },
    after: { note_id: n.id.toString(), body, mention_ids: m.user_ids },
  });
  return { id: n.id.toString(), mentions: m.user_ids, ignored: m.ignored };
}

/** Soft-deletes a note (deleted_at): the audit row keeps its text. */
export async function deleteNote(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  noteId: bigint,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const n = await ownNote(tx, user, c, noteId);
  await tx.caseNote.update({
    where: { id: n.id },
    data: { deleted_at: new Date(), deleted_by: user.id },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.note_delete',
    targetType: 'case',
    targetId: c.id,
    before: { note_id: n.id.toString(), body: n.body, mention_ids: n.mention_ids },
  });
}
