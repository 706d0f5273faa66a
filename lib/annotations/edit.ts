import type { AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/permissions';
import { annotationValueSchema, type AnnotationDto } from '@/lib/schemas/annotation';
import { toDto } from './annotations';

// Changing and removing annotations. Only the author changes the text of a tag or comment (an
// admin may remove one, e.g. a comment in the wrong account, but never put words in its author's
// mouth). Others are answered 404, as if it did not exist. Both are audited with before and after.

async function findActive(tx: Tx, id: bigint) {
  // FOR UPDATE: two edits of the same annotation in flight cannot both read the old text.
  const [row] = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT id FROM annotations WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
  return row ? tx.annotation.findUnique({ where: { id } }) : null;
}

/** Replaces a tag's or comment's text; the same rules as a new one (length, tag characters). */
export async function updateAnnotation(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  id: bigint,
  value: string,
): Promise<AnnotationDto> {
  const row = await findActive(tx, id);
  if (!row || row.author_id !== user.id) throw new NotFoundError('Annotation not found');
  if (row.kind !== 'tag' && row.kind !== 'comment')
    throw new ValidationError('A star has no text to edit', 'value');
  const parsed = annotationValueSchema(row.kind).safeParse(value);
  if (!parsed.success)
    throw new ValidationError(`value ${parsed.error.issues[0].message}`, 'value');
  const before = toDto(row);
  if (parsed.data === row.value) return before;
  const updated = await tx.annotation.update({
    where: { id },
    data: { value: parsed.data, updated_at: new Date() },
  });
  const after = toDto(updated);
  await audit({
    action: 'annotation.update',
    targetType: row.subject_type,
    targetId: row.event_id ?? row.account_id,
    before,
    after,
  });
  return after;
}

/** Soft-deletes; only the author (or an admin) may remove an annotation. Others get 404. */
export async function deleteAnnotation(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  id: bigint,
): Promise<void> {
  const row = await findActive(tx, id);
  if (!row || (row.author_id !== user.id && user.role !== 'admin'))
    throw new NotFoundError('Annotation not found');
  await tx.annotation.update({
    where: { id },
    data: { deleted_at: new Date(), deleted_by: user.id },
  });
  await audit({
    action: 'annotation.delete',
    targetType: row.subject_type,
    targetId: row.event_id ?? row.account_id,
    before: toDto(row),
  });
}
