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

/**
 * The audit payloads of one step on an item (release, reassign, snooze, resolve, or detection
 * closing it): who held it and its snooze before, the item as it is after. One shape for every
 * call site, so the catalogue's ZItemBefore / ZItemAfter read the same everywhere.
 */
export function itemStepPayloads(
  before: Pick<QueueItemRow, 'assignee_id' | 'snoozed_until'>,
  after: QueueItemRow,
  extra: { bulk?: true } = {},
) {
  return {
    before: { assignee_id: before.assignee_id, snoozed_until: before.snoozed_until },
    after: {
      queue_id: after.queue_id,
      subject: `${after.subject_type}:${after.subject_id}`,
      assignee_id: after.assignee_id,
      snoozed_until: after.snoozed_until,
      resolution: after.resolution,
      ...extra,
    },
  };
}
