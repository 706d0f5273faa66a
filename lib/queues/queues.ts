import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuditFn } from '@/lib/audit/write';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { TQueueCreate, TQueueUpdate } from '@/lib/schemas/queue';
import { one, type Db } from './db';
import { routeFlags } from './route-flags';

export interface QueueRow {
  id: string;
  name: string;
  description: string;
  filter: Record<string, unknown>;
  priority: number;
  sla_first_action_minutes: number;
  sla_decision_minutes: number;
  member_ids: string[];
  created_at: Date;
  updated_at: Date;
}

const QUEUE_COLUMNS = `q.id, q.name, q.description, q.filter, q.priority, q.sla_first_action_minutes,
  q.sla_decision_minutes, q.created_at, q.updated_at,
  coalesce((SELECT array_agg(m.user_id ORDER BY m.user_id) FROM queue_members m WHERE m.queue_id = q.id),
    '{}') AS member_ids`;

export async function getQueue(db: Db, id: string): Promise<QueueRow> {
  const q = await one<QueueRow>(
    db,
    `SELECT ${QUEUE_COLUMNS} FROM queues q WHERE q.id = $1 AND q.archived_at IS NULL`,
    [id],
  );
  if (!q) throw new NotFoundError('No such queue');
  return q;
}

// Members work the queue: analysts and admins only (legal reads cases, it does not triage).
async function checkMembers(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const ok = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE id = ANY($1::text[]) AND role IN ('analyst', 'admin') AND NOT disabled`,
    [ids],
  );
  const good = new Set(ok.map((u) => u.id));
  const bad = ids.filter((id) => !good.has(id));
  if (bad.length)
    throw new ValidationError(
      `Not an active analyst or admin: ${bad.slice(0, 5).join(', ')}`,
      'memberIds',
    );
}

async function setMembers(db: Db, queueId: string, ids: string[]) {
  await db.query(
    `DELETE FROM queue_members WHERE queue_id = $1 AND NOT (user_id = ANY($2::text[]))`,
    [queueId, ids],
  );
  await db.query(
    `INSERT INTO queue_members (queue_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [queueId, ids],
  );
}

async function nameTaken(db: Db, name: string, exceptId: string | null) {
  const r = await db.query(`SELECT 1 AS x FROM queues WHERE lower(name) = lower($1) AND id <> $2`, [
    name,
    exceptId ?? '',
  ]);
  if (r.length) throw new ConflictError('A queue with this name already exists', 'name');
}

const snapshot = (q: QueueRow) => ({
  name: q.name,
  description: q.description,
  filter: q.filter,
  priority: q.priority,
  sla_first_action_minutes: q.sla_first_action_minutes,
  sla_decision_minutes: q.sla_decision_minutes,
  member_ids: q.member_ids,
});

/** Creates a queue and routes the flags already open into it (same transaction). */
export async function createQueue(db: Db, audit: AuditFn, actorId: string, input: TQueueCreate) {
  await nameTaken(db, input.name, null);
  const members = [...new Set(input.memberIds)];
  await checkMembers(db, members);
  const id = randomUUID();
  await db.query(
    `INSERT INTO queues (id, name, description, filter, priority, sla_first_action_minutes,
       sla_decision_minutes, created_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`,
    [
      id,
      input.name,
      input.description,
      JSON.stringify(input.filter),
      input.priority,
      input.slaFirstActionMinutes,
      input.slaDecisionMinutes,
      actorId,
    ],
  );
  await setMembers(db, id, members);
  const q = await getQueue(db, id);
  await audit({ action: 'queue.create', targetType: 'queue', targetId: id, after: snapshot(q) });
  const [routed] = await routeFlags(db, audit, { queueId: id });
  return { queue: q, routed: routed?.routed ?? 0 };
}

export async function updateQueue(db: Db, audit: AuditFn, id: string, input: TQueueUpdate) {
  const before = await getQueue(db, id);
  if (input.name !== undefined) await nameTaken(db, input.name, id);
  const fa = input.slaFirstActionMinutes ?? before.sla_first_action_minutes;
  const dec = input.slaDecisionMinutes ?? before.sla_decision_minutes;
  if (fa > dec)
    throw new ValidationError(
      'time to first action must not exceed time to decision',
      'slaFirstActionMinutes',
    );
  if (input.memberIds) {
    await checkMembers(db, [...new Set(input.memberIds)]);
    await setMembers(db, id, [...new Set(input.memberIds)]);
  }
  await db.query(
    `UPDATE queues SET name = coalesce($2, name), description = coalesce($3, description),
       filter = coalesce($4::jsonb, filter), priority = coalesce($5, priority),
       sla_first_action_minutes = $6, sla_decision_minutes = $7, updated_at = now() WHERE id = $1`,
    [
      id,
      input.name ?? null,
      input.description ?? null,
      input.filter ? JSON.stringify(input.filter) : null,
      input.priority ?? null,
      fa,
      dec,
    ],
  );
  // Claim-next orders by the copy of the priority on each open item.
  if (input.priority !== undefined && input.priority !== before.priority)
    await db.query(
      `UPDATE queue_items SET queue_priority = $2 WHERE queue_id = $1 AND status = 'open'`,
      [id, input.priority],
    );
  const after = await getQueue(db, id);
  await audit({
    action: 'queue.update',
    targetType: 'queue',
    targetId: id,
    before: snapshot(before),
    after: snapshot(after),
    reason: input.reason ?? null,
  });
  // A wider filter takes the matching open flags now, not only at the next detection run.
  if (input.filter) await routeFlags(db, audit, { queueId: id });
  return after;
}

/** Archives a queue: hidden and no longer routed or claimable; its open items close with it. */
export async function archiveQueue(db: Db, audit: AuditFn, id: string, reason: string | null) {
  const before = await getQueue(db, id);
  await db.query(`UPDATE queues SET archived_at = now(), updated_at = now() WHERE id = $1`, [id]);
  const closed = await db.query(
    `UPDATE queue_items SET status = 'done', decided_at = now(), resolution = 'queue_archived',
       updated_at = now() WHERE queue_id = $1 AND status = 'open' RETURNING id`,
    [id],
  );
  await audit({
    action: 'queue.archive',
    targetType: 'queue',
    targetId: id,
    before: snapshot(before),
    after: { closed_items: closed.length },
    reason,
  });
}

export function listQueues(db: Db): Promise<QueueRow[]> {
  return db.query<QueueRow>(
    `SELECT ${QUEUE_COLUMNS} FROM queues q WHERE q.archived_at IS NULL ORDER BY q.priority, q.name`,
    [],
  );
}
