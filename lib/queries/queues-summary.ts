import 'server-only';
import { slaStateSql } from '@/lib/queues/sla';
import { rows } from './sql';

export interface QueueSummary {
  id: string;
  name: string;
  description: string;
  priority: number;
  sla_first_action_minutes: number;
  sla_decision_minutes: number;
  is_member: boolean;
  members: { id: string; email: string; name: string }[];
  open: number;
  unclaimed: number;
  claimed: number;
  snoozed: number;
  at_risk: number;
  breached: number;
}

/**
 * Depth and SLA of each active queue the user may see (`queueIds` null = all), in priority
 * order. open = unclaimed + claimed + snoozed (a snoozed item is unassigned until it wakes).
 * at_risk / breached count open items only.
 */
export async function getQueueSummaries(
  queueIds: string[] | null,
  userId: string,
  now = new Date(),
): Promise<QueueSummary[]> {
  return rows<QueueSummary>(
    `SELECT q.id, q.name, q.description, q.priority, q.sla_first_action_minutes, q.sla_decision_minutes,
       EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.user_id = $3) AS is_member,
       coalesce((SELECT json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) ORDER BY u.email)
         FROM queue_members m JOIN users u ON u.id = m.user_id WHERE m.queue_id = q.id AND NOT u.disabled), '[]') AS members,
       coalesce(s.open, 0) AS open, coalesce(s.unclaimed, 0) AS unclaimed, coalesce(s.claimed, 0) AS claimed,
       coalesce(s.snoozed, 0) AS snoozed, coalesce(s.at_risk, 0) AS at_risk, coalesce(s.breached, 0) AS breached
     FROM queues q
     LEFT JOIN LATERAL (
       SELECT count(*)::int AS open,
         count(*) FILTER (WHERE i.assignee_id IS NULL AND (i.snoozed_until IS NULL OR i.snoozed_until <= $1))::int AS unclaimed,
         count(*) FILTER (WHERE i.assignee_id IS NOT NULL)::int AS claimed,
         count(*) FILTER (WHERE i.assignee_id IS NULL AND i.snoozed_until > $1)::int AS snoozed,
         count(*) FILTER (WHERE ${slaStateSql('$1::timestamptz')} = 'at_risk')::int AS at_risk,
         count(*) FILTER (WHERE ${slaStateSql('$1::timestamptz')} = 'breached')::int AS breached
       FROM queue_items i WHERE i.queue_id = q.id AND i.status = 'open') s ON true
     WHERE q.archived_at IS NULL AND ($2::text[] IS NULL OR q.id = ANY($2::text[]))
     ORDER BY q.priority, q.name`,
    [now, queueIds, userId],
  );
}
