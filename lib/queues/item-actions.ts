import 'server-only';
import type { AuditFn } from '@/lib/audit/write';
import { notify } from '@/lib/cases/inbox';
import type { SessionUser } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { TItemAction } from '@/lib/schemas/queue';
import type { Db } from './db';
import { isMember, seesAllQueues, visibleQueueIds } from './access';
import { ITEM_COLUMNS, itemStepPayloads, type QueueItemRow } from './item-row';

/**
 * Locks the given items (in id order, so two bulk actions never deadlock) after checking the
 * user may see them. An id that does not exist or belongs to a queue the user may not see is
 * answered as not found, naming it.
 */
export async function lockItems(db: Db, user: SessionUser, ids: string[]): Promise<QueueItemRow[]> {
  const rows = await visibleItems(db, user, ids, true);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new NotFoundError(`No such queue item: ${missing.slice(0, 5).join(', ')}`);
  return rows;
}

/** The items among `ids` in queues the user may see, in id order; locked when `lock`. */
async function visibleItems(
  db: Db,
  user: SessionUser,
  ids: string[],
  lock: boolean,
): Promise<QueueItemRow[]> {
  const visible = await visibleQueueIds(db, user);
  return db.query<QueueItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM queue_items i
     WHERE i.id = ANY($1::bigint[]) AND ($2::text[] IS NULL OR i.queue_id = ANY($2::text[]))
     ORDER BY i.id${lock ? ' FOR UPDATE' : ''}`,
    [ids, visible],
  );
}

const STEP_ACTION = {
  release: 'queue_item.release',
  reassign: 'queue_item.reassign',
  snooze: 'queue_item.snooze',
  resolve: 'queue_item.resolve',
} as const;

type Step =
  | Exclude<TItemAction, { action: 'reassign' }>
  | { action: 'reassign'; assigneeId: string; reason?: string };

/**
 * One step on one locked item, audited. Shared by the single-item route and bulk actions, so a
 * bulk action writes exactly the rows (and audit rows) the same steps one by one would.
 */
export async function applyItemStep(
  db: Db,
  audit: AuditFn,
  user: SessionUser,
  item: QueueItemRow,
  step: Step,
  opts: { bulk?: boolean; now?: Date } = {},
): Promise<QueueItemRow> {
  if (item.status !== 'open') throw new ConflictError(`Queue item ${item.id} is already closed`);
  let set: string;
  let params: unknown[];
  switch (step.action) {
    case 'release':
      // The holder releases their own item; an admin may release anyone's.
      if (!item.assignee_id) throw new ConflictError(`Queue item ${item.id} is not claimed`);
      if (item.assignee_id !== user.id && !seesAllQueues(user))
        throw new ConflictError(`Queue item ${item.id} is claimed by someone else`);
      set = 'assignee_id = NULL, claimed_at = NULL';
      params = [];
      break;
    case 'reassign':
      if (!(await isMember(db, item.queue_id, step.assigneeId)))
        throw new ValidationError(
          `The new assignee is not an active member of the item's queue`,
          'assigneeId',
        );
      set = 'assignee_id = $2, claimed_at = now(), snoozed_until = NULL';
      params = [step.assigneeId];
      break;
    case 'snooze': {
      const until = new Date(step.until);
      if (until.getTime() <= (opts.now ?? new Date()).getTime())
        throw new ValidationError('Snooze until a time in the future', 'until');
      // A snoozed item goes back to the pool (unassigned) and is claimable again at `until`.
      set = 'snoozed_until = $2, assignee_id = NULL, claimed_at = NULL';
      params = [until];
      break;
    }
    case 'resolve':
      set = `status = 'done', decided_at = now(), resolution = $2, snoozed_until = NULL`;
      params = [step.resolution];
      break;
  }
  const rows = await db.query<QueueItemRow>(
    `UPDATE queue_items i SET ${set}, first_action_at = coalesce(i.first_action_at, now()),
       updated_at = now() WHERE i.id = $1::bigint RETURNING ${ITEM_COLUMNS}`,
    [item.id, ...params],
  );
  const after = rows[0]!;
  if (step.action === 'reassign')
    await notify(db, user.id, [
      {
        user_id: step.assigneeId,
        kind: 'queue_item_assigned',
        queue_item_id: item.id,
        summary: `Queue item ${item.id} (${item.subject_type} ${item.subject_id}) assigned to you`,
      },
    ]);
  await audit({
    action: STEP_ACTION[step.action],
    targetType: 'queue_item',
    targetId: item.id,
    ...itemStepPayloads(item, after, opts.bulk ? { bulk: true } : {}),
    reason: step.reason ?? null,
  });
  return after;
}

export async function actOnItem(
  db: Db,
  audit: AuditFn,
  user: SessionUser,
  id: string,
  step: TItemAction,
): Promise<QueueItemRow> {
  const [item] = await lockItems(db, user, [id]);
  return applyItemStep(db, audit, user, item!, step);
}

/** One item the user may see (404 otherwise), without locking it. */
export async function getItem(db: Db, user: SessionUser, id: string): Promise<QueueItemRow> {
  const [row] = await visibleItems(db, user, [id], false);
  if (!row) throw new NotFoundError('No such queue item');
  return row;
}
