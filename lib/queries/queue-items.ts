import 'server-only';
import type { SlaState, TItemListQuery } from '@/lib/schemas/queue';
import { slaDueSql, slaStateSql } from '@/lib/queues/sla';
import { rows } from './sql';

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v)); // real / numeric come back as strings from pg

export interface QueueItemListRow {
  id: string;
  queue_id: string;
  queue_name: string;
  subject_type: 'account' | 'cluster';
  subject_id: string;
  risk: number;
  status: 'open' | 'done';
  assignee_id: string | null;
  assignee_email: string | null;
  snoozed_until: string | null;
  resolution: string | null;
  created_at: string;
  due_at: string | null;
  sla: SlaState;
}
export interface QueueItemPage {
  rows: QueueItemListRow[];
  total: number;
  page: number;
  pageSize: number;
}

const ORDER: Record<TItemListQuery['sort'], string> = {
  due: 'due_at ASC NULLS LAST, i.id',
  age: 'i.created_at ASC, i.id',
  risk: 'i.risk DESC, i.id',
  priority: 'i.queue_priority ASC, i.created_at ASC, i.id',
};

/**
 * One page of queue items the user may see (`queueIds` null = every queue), filtered by state
 * and SLA, sorted in the database; the SLA state and due time come from the same rule as
 * lib/queues/sla.ts. Server-paginated: the total is counted with the same conditions.
 */
export async function listQueueItems(
  queueIds: string[] | null,
  q: TItemListQuery,
  userId: string,
  now = new Date(),
): Promise<QueueItemPage> {
  const params: unknown[] = [now, queueIds, userId];
  // $1 and $3 are typed here because not every filter uses them (Postgres must know each type).
  const conds = [
    `$1::timestamptz IS NOT NULL AND $3::text IS NOT NULL`,
    `($2::text[] IS NULL OR i.queue_id = ANY($2::text[]))`,
    `q.archived_at IS NULL`,
  ];
  if (q.queue) {
    params.push(q.queue);
    conds.push(`i.queue_id = $${params.length}`);
  }
  const state: Record<TItemListQuery['state'], string> = {
    open: `i.status = 'open'`,
    unclaimed: `i.status = 'open' AND i.assignee_id IS NULL AND (i.snoozed_until IS NULL OR i.snoozed_until <= $1)`,
    claimed: `i.status = 'open' AND i.assignee_id IS NOT NULL`,
    mine: `i.status = 'open' AND i.assignee_id = $3`,
    snoozed: `i.status = 'open' AND i.snoozed_until > $1`,
    done: `i.status = 'done'`,
  };
  conds.push(state[q.state]);
  const sla = slaStateSql('$1::timestamptz');
  if (q.sla) {
    params.push(q.sla);
    conds.push(`(${sla}) = $${params.length}`);
  }
  const where = conds.join(' AND ');
  const from = `FROM queue_items i JOIN queues q ON q.id = i.queue_id`;
  const [count] = await rows<{ n: number }>(
    `SELECT count(*)::int AS n ${from} WHERE ${where}`,
    params,
  );
  const page = await rows<
    QueueItemListRow & { created_at: Date; due_at: Date | null; snoozed_until: Date | null }
  >(
    `SELECT i.id::text AS id, i.queue_id, q.name AS queue_name, i.subject_type, i.subject_id, i.risk,
       i.status, i.assignee_id, u.email AS assignee_email, i.snoozed_until, i.resolution,
       i.created_at, ${slaDueSql()} AS due_at, ${sla} AS sla
     ${from} LEFT JOIN users u ON u.id = i.assignee_id
     WHERE ${where} ORDER BY ${ORDER[q.sort]}
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return {
    rows: page.map((r) => ({
      ...r,
      risk: num(r.risk),
      created_at: r.created_at.toISOString(),
      due_at: r.due_at ? r.due_at.toISOString() : null,
      snoozed_until: r.snoozed_until ? r.snoozed_until.toISOString() : null,
    })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
