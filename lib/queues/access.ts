import 'server-only';
import { can, type SessionUser } from '@/lib/auth/permissions';
import type { Db } from './db';

// Who may see and act on a queue's items: its members, and admins (queues:manage) on every
// queue. Claim-next is stricter: only queues the user is a member of (admins included), so an
// admin's claims are as deliberate as an analyst's.

export const seesAllQueues = (user: Pick<SessionUser, 'role'>) => can(user, 'queues:manage');

export async function memberQueueIds(db: Db, userId: string): Promise<string[]> {
  const r = await db.query<{ queue_id: string }>(
    `SELECT m.queue_id FROM queue_members m JOIN queues q ON q.id = m.queue_id
     WHERE m.user_id = $1 AND q.archived_at IS NULL`,
    [userId],
  );
  return r.map((x) => x.queue_id);
}

/** The queue ids whose items the user may see, or null for all. */
export async function visibleQueueIds(db: Db, user: SessionUser): Promise<string[] | null> {
  return seesAllQueues(user) ? null : memberQueueIds(db, user.id);
}

export async function isMember(db: Db, queueId: string, userId: string): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 AS x FROM queue_members m JOIN users u ON u.id = m.user_id
     WHERE m.queue_id = $1 AND m.user_id = $2 AND NOT u.disabled`,
    [queueId, userId],
  );
  return r.length > 0;
}
