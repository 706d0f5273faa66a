import 'server-only';
import type { PoolClient } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { SYSTEM_ACTOR, writeAudit, type AuditFn } from '@/lib/audit/write';
import { ZQueueFilter } from '@/lib/schemas/queue';
import type { Db } from './db';
import { filterSql } from './filter-sql';
import { ITEM_COLUMNS, itemStepPayloads, type QueueItemRow } from './item-row';

export interface RouteResult {
  queueId: string;
  routed: number;
}

/**
 * Routes open flags into every active queue whose filter they match (or into one queue).
 * Idempotent: a (queue, subject) with an open item is skipped (partial unique index backs it up
 * under concurrency), and so is one whose item was created after the flag was last (re)opened —
 * that flag opening was already routed and handled. A re-opened flag (flags.opened_at moves on)
 * is routed again. One 'queue.route' audit row per queue that received items.
 */
export async function routeFlags(
  db: Db,
  audit: AuditFn,
  opts: { queueId?: string; runId?: string | null } = {},
): Promise<RouteResult[]> {
  const queues = await db.query<{ id: string; priority: number; filter: unknown }>(
    `SELECT id, priority, filter FROM queues WHERE archived_at IS NULL AND ($1::text IS NULL OR id = $1)
     ORDER BY priority, id`,
    [opts.queueId ?? null],
  );
  const out: RouteResult[] = [];
  for (const q of queues) {
    const f = filterSql(ZQueueFilter.parse(q.filter ?? {}), 4);
    const rows = await db.query<{ id: string }>(
      `INSERT INTO queue_items (queue_id, queue_priority, subject_type, subject_id, flag_id, risk, run_id)
       SELECT $1, $2, f.subject_type, f.subject_id, f.id, f.risk, $3::bigint
       FROM flags f
       WHERE f.status = 'open' AND f.subject_type IN ('account', 'cluster') AND ${f.sql}
         AND NOT EXISTS (SELECT 1 FROM queue_items i WHERE i.queue_id = $1
           AND i.subject_type = f.subject_type AND i.subject_id = f.subject_id
           AND (i.status = 'open' OR i.created_at >= f.opened_at))
       ORDER BY f.opened_at, f.id
       ON CONFLICT (queue_id, subject_type, subject_id) WHERE status = 'open' DO NOTHING
       RETURNING id::text AS id`,
      [q.id, q.priority, opts.runId ?? null, ...f.params],
    );
    out.push({ queueId: q.id, routed: rows.length });
    if (rows.length > 0)
      await audit({
        action: 'queue.route',
        targetType: 'queue',
        targetId: q.id,
        after: { routed: rows.length, run_id: opts.runId ?? null },
      });
  }
  return out;
}

/**
 * Closes the open items whose flag is no longer open (detection closes the flag of a cluster that
 * vanished): resolution 'flag_closed', not a decision in the team metrics, one
 * 'queue_item.resolve' audit row per item naming the run. Returns the closed item ids.
 */
export async function closeItemsOfClosedFlags(
  db: Db,
  audit: AuditFn,
  runId: string | null,
): Promise<string[]> {
  const rows = await db.query<QueueItemRow>(
    `UPDATE queue_items i SET status = 'done', decided_at = now(), resolution = 'flag_closed',
       updated_at = now()
     FROM flags f
     WHERE i.status = 'open' AND f.subject_type = i.subject_type AND f.subject_id = i.subject_id
       AND f.status <> 'open'
     RETURNING ${ITEM_COLUMNS}`,
    [],
  );
  for (const item of rows)
    await audit({
      action: 'queue_item.resolve',
      targetType: 'queue_item',
      targetId: item.id,
      // The UPDATE changed neither holder nor snooze, so the returned row is also the before.
      ...itemStepPayloads(item, item),
      reason: runId ? `Flag closed by detection run ${runId}` : 'Flag closed',
    });
  return rows.map((r) => r.id);
}

/**
 * Called once at the end of a detection run, inside its transaction, as the system actor: items
 * of flags the run closed are closed, then new and re-opened flags are routed.
 */
export async function routeFlagsAfterDetection(
  client: PoolClient,
  runId: string,
): Promise<RouteResult[]> {
  const db = pgRunner(client);
  const audit: AuditFn = (e) => writeAudit(db, { ...e, actor: SYSTEM_ACTOR }).then(() => undefined);
  await closeItemsOfClosedFlags(db, audit, runId);
  return routeFlags(db, audit, { runId });
}
