import type { AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import { LimitExceededError, NotFoundError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/permissions';
import {
  ANNOTATIONS_PER_ACCOUNT_MAX,
  type AnnotationDto,
  type TAnnotationCreate,
} from '@/lib/schemas/annotation';
import type { Annotation } from '@/lib/generated/prisma/client';

const ANNOTATION_ACTION = {
  star: 'annotation.star',
  tag: 'annotation.tag',
  comment: 'annotation.comment',
} as const;

export function toDto(a: Annotation): AnnotationDto {
  return {
    id: a.id.toString(),
    subject_type: a.subject_type as AnnotationDto['subject_type'],
    account_id: a.account_id,
    event_id: a.event_id,
    event_ts: a.event_ts?.toISOString() ?? null,
    kind: a.kind as AnnotationDto['kind'],
    value: a.value,
    author_id: a.author_id,
    author_email: a.author_email,
    created_at: a.created_at.toISOString(),
    updated_at: a.updated_at?.toISOString() ?? null,
  };
}

async function assertSubjectExists(tx: Tx, input: TAnnotationCreate): Promise<void> {
  // The event must belong to the named account: the annotation's account_id is what cases and the
  // account page key on, so a mismatched pair would file evidence under the wrong customer.
  const found =
    input.subject_type === 'event'
      ? await tx.$queryRaw<
          unknown[]
        >`SELECT 1 FROM events WHERE id = ${input.event_id} AND ts = ${new Date(input.event_ts)} AND account_id = ${input.account_id} LIMIT 1`
      : await tx.$queryRaw<
          unknown[]
        >`SELECT 1 FROM accounts WHERE account_id = ${input.account_id} UNION ALL SELECT 1 FROM account_score WHERE account_id = ${input.account_id} LIMIT 1`;
  if (found.length === 0)
    throw new NotFoundError(
      input.subject_type === 'event' ? 'Event not found' : 'Account not found',
    );
}

/** Adds a star, tag or comment; a second star (or the same tag) by the same author is a no-op. */
export async function createAnnotation(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  input: TAnnotationCreate,
): Promise<AnnotationDto> {
  await assertSubjectExists(tx, input);
  const eventId = input.subject_type === 'event' ? input.event_id : null;
  const eventTs = input.subject_type === 'event' ? new Date(input.event_ts) : null;
  const value = input.kind === 'star' ? null : input.value;
  if (input.kind !== 'comment') {
    const dup = await tx.annotation.findFirst({
      where: {
        account_id: input.account_id,
        event_id: eventId,
        event_ts: eventTs,
        kind: input.kind,
        value,
        author_id: user.id,
        deleted_at: null,
      },
    });
    if (dup) return toDto(dup);
  }
  const mine = await tx.annotation.count({
    where: { account_id: input.account_id, author_id: user.id, deleted_at: null },
  });
  if (mine >= ANNOTATIONS_PER_ACCOUNT_MAX)
    throw new LimitExceededError(
      `You already have ${ANNOTATIONS_PER_ACCOUNT_MAX} annotations on this account, the most one author may keep: edit or delete one first.`,
    );
  const row = await tx.annotation.create({
    data: {
      subject_type: input.subject_type,
      account_id: input.account_id,
      event_id: eventId,
      event_ts: eventTs,
      kind: input.kind,
      value,
      author_id: user.id,
      author_email: user.email,
    },
  });
  const dto = toDto(row);
  await audit({
    action: ANNOTATION_ACTION[input.kind],
    targetType: input.subject_type,
    targetId: eventId ?? input.account_id,
    after: dto,
  });
  return dto;
}

/** Active annotations of an account, or of some of its events; newest first. */
export async function listAnnotations(
  accountId: string,
  eventIds?: string[],
): Promise<AnnotationDto[]> {
  const rows = await prisma.annotation.findMany({
    where: {
      account_id: accountId,
      deleted_at: null,
      ...(eventIds ? { event_id: { in: eventIds } } : {}),
    },
    orderBy: { created_at: 'desc' },
    take: 500,
  });
  return rows.map(toDto);
}
