import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { TCaseCreate } from '@/lib/schemas/case';
import { prismaRunner } from '@/lib/audit/runners';
import { visibleQueueIds } from '@/lib/queues/access';
import { caseAssignedSummary, notify } from './inbox';
import { linkAccounts, linkClusters } from './links';

/** An assignee or watcher must be an active user who may work or read cases. */
export async function assertUsers(tx: Tx, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.user.findMany({
    where: { id: { in: ids }, disabled: false },
    select: { id: true },
  });
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) throw new ValidationError(`Unknown user: ${missing.join(', ')}`, field);
}

/**
 * The subject of a queue item the user may see (its queues' members, admins), read from the item
 * itself: the client names only the item. An unknown or hidden item is 404.
 */
async function queueItemSubject(tx: Tx, user: SessionUser, id: string) {
  const visible = await visibleQueueIds(prismaRunner(tx), user);
  const rows = await tx.$queryRaw<{ subject_type: 'account' | 'cluster'; subject_id: string }[]>`
    SELECT subject_type, subject_id FROM queue_items
    WHERE id = ${id}::bigint AND (${visible}::text[] IS NULL OR queue_id = ANY(${visible}::text[]))`;
  if (!rows[0]) throw new NotFoundError(`No such queue item: ${id}`);
  return rows[0];
}

/**
 * Opens a case. The creator watches it (so a restricted case they open stays theirs); without an
 * explicit assignee, the creator is assigned. A case type with a template pre-fills the tasks.
 */
export async function createCase(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  input: TCaseCreate,
): Promise<{ id: string; number: number }> {
  const template = input.case_type
    ? await tx.caseTemplate.findUnique({ where: { case_type: input.case_type } })
    : null;
  if (input.case_type && !template)
    throw new ValidationError(`No template for case type "${input.case_type}"`, 'case_type');
  const assignee = input.assignee_id === undefined ? user.id : input.assignee_id;
  if (assignee) await assertUsers(tx, [assignee], 'assignee_id');
  const src = input.source;
  const item =
    src.kind === 'queue_item' ? await queueItemSubject(tx, user, src.queue_item_id) : null;
  const c = await tx.case.create({
    data: {
      title: input.title,
      summary: input.summary,
      severity: input.severity ?? template?.severity ?? 'medium',
      case_type: input.case_type ?? null,
      restricted: input.restricted,
      assignee_id: assignee,
      tags: [...new Set(input.tags)],
      opened_from: src.kind,
      queue_item_id: src.kind === 'queue_item' ? src.queue_item_id : null,
      created_by: user.id,
      watchers: { create: { user_id: user.id } },
      tasks: {
        create: (template?.tasks ?? []).map((title, position) => ({
          title,
          position,
          created_by: user.id,
        })),
      },
    },
  });
  await audit({
    action: 'case.create',
    targetType: 'case',
    targetId: c.id,
    after: {
      number: c.number,
      title: c.title,
      severity: c.severity,
      restricted: c.restricted,
      assignee_id: c.assignee_id,
      opened_from: c.opened_from,
      queue_item_id: c.queue_item_id,
      case_type: c.case_type,
      tasks: template?.tasks.length ?? 0,
    },
  });
  if (assignee)
    await notify(prismaRunner(tx), user.id, [
      { user_id: assignee, kind: 'case_assigned', case_id: c.id, summary: caseAssignedSummary(c) },
    ]);
  const accounts =
    src.kind === 'account'
      ? [src.account_id]
      : src.kind === 'accounts'
        ? src.account_ids
        : item?.subject_type === 'account'
          ? [item.subject_id]
          : [];
  const clusters =
    src.kind === 'cluster'
      ? [src.cluster_id]
      : item?.subject_type === 'cluster'
        ? [item.subject_id]
        : [];
  await linkAccounts(tx, audit, user, c, accounts);
  await linkClusters(tx, audit, user, c, clusters);
  // A cluster case also links its current members, so each gets an outcome when it closes.
  if (clusters.length) {
    const members = await tx.clusterMember.findMany({
      where: { cluster_id: { in: clusters } },
      select: { account_id: true },
      take: 500,
    });
    await linkAccounts(
      tx,
      audit,
      user,
      c,
      members.map((m) => m.account_id),
    );
  }
  if (src.kind !== 'manual' && accounts.length + clusters.length === 0)
    throw new NotFoundError('Nothing to link');
  return { id: c.id, number: c.number };
}
