import 'server-only';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import type { Db } from './db';
import { memberQueueIds } from './access';
import { ITEM_COLUMNS, type QueueItemRow } from './item-row';

export type ClaimResult =
  { item: QueueItemRow; reason?: undefined } | { item: null; reason: 'no_queues' | 'empty' };

/**
 * Claim next: the highest-priority (lowest number), oldest unclaimed and unsnoozed item of the
 * queues the user belongs to (or of one of them). `FOR UPDATE SKIP LOCKED` makes concurrent
 * claims pass over a row another transaction is claiming, so no two analysts get the same item
 * and none waits for another. The pick and the update are one statement (one round trip); the
 * audit row commits with it. Claiming is the item's first action (SLA).
 */
export async function claimNext(
  db: Db,
  audit: AuditFn,
  user: Pick<SessionUser, 'id'>,
  opts: { queueId?: string } = {},
): Promise<ClaimResult> {
  // Membership is read inside the claim statement (one round trip less per claim: under 20
  // concurrent analysts every round trip inside the transaction adds to the p95). Only an empty
  // answer asks again, to tell "no queues" and "not your queue" from "nothing to claim".
  const rows = await db.query<QueueItemRow>(
    `WITH mine AS (
       SELECT m.queue_id FROM queue_members m JOIN queues q ON q.id = m.queue_id
       WHERE m.user_id = $2 AND q.archived_at IS NULL AND ($1::text IS NULL OR m.queue_id = $1)),
     pick AS (
       SELECT id FROM queue_items
       WHERE status = 'open' AND assignee_id IS NULL AND queue_id IN (SELECT queue_id FROM mine)
         AND (snoozed_until IS NULL OR snoozed_until <= now())
       ORDER BY queue_priority, created_at, id
       LIMIT 1
       FOR UPDATE SKIP LOCKED)
     UPDATE queue_items i SET assignee_id = $2, claimed_at = now(), snoozed_until = NULL,
       first_action_at = coalesce(i.first_action_at, now()), updated_at = now()
     FROM pick WHERE i.id = pick.id
     RETURNING ${ITEM_COLUMNS}`,
    [opts.queueId ?? null, user.id],
  );
  const item = rows[0];
  if (!item) {
    const mine = await memberQueueIds(db, user.id);
    if (opts.queueId && !mine.includes(opts.queueId))
      throw new NotFoundError('No such queue among yours');
    return { item: null, reason: mine.length === 0 ? 'no_queues' : 'empty' };
  }
  await audit({
    action: 'queue_item.claim',
    targetType: 'queue_item',
    targetId: item.id,
    after: { queue_id: item.queue_id, subject: `${item.subject_type}:${item.subject_id}` },
  });
  return { item };
}
