// The columns every queue-item read returns, with ids as text (bigint-safe in JSON).
export interface QueueItemRow {
  id: string;
  queue_id: string;
  subject_type: 'account' | 'cluster';
  subject_id: string;
  risk: number;
  status: 'open' | 'done';
  assignee_id: string | null;
  claimed_at: Date | null;
  snoozed_until: Date | null;
  first_action_at: Date | null;
  decided_at: Date | null;
  resolution: string | null;
  created_at: Date;
}

export const ITEM_COLUMNS = `i.id::text AS id, i.queue_id, i.subject_type, i.subject_id, i.risk,
  i.status, i.assignee_id, i.claimed_at, i.snoozed_until, i.first_action_at, i.decided_at,
  i.resolution, i.created_at`;
