import { z } from 'zod';
import { count, iso } from './common';

// ---------------------------------------------------------------- review queues (lib/queues)
const subject = z.string().regex(/^(account|cluster):.+/);
export const ZQueueSnapshot = z.strictObject({
  name: z.string(),
  description: z.string(),
  filter: z.record(z.string(), z.unknown()),
  priority: z.number().int(),
  sla_first_action_minutes: z.number().int().min(0),
  sla_decision_minutes: z.number().int().min(0),
  member_ids: z.array(z.string()),
});
export const ZQueueArchived = z.strictObject({ closed_items: count });
export const ZQueueRouted = z.strictObject({
  routed: z.number().int().min(1),
  run_id: z.string().nullable(),
});
export const ZItemClaimed = z.strictObject({ queue_id: z.string(), subject });
export const ZItemBefore = z.strictObject({
  assignee_id: z.string().nullable(),
  snoozed_until: iso.nullable(),
});
export const ZItemAfter = z.strictObject({
  queue_id: z.string(),
  subject,
  assignee_id: z.string().nullable(),
  snoozed_until: iso.nullable(),
  resolution: z.string().nullable(),
  bulk: z.literal(true).optional(),
});
