import { z } from 'zod';

/** POST /api/v1/events/reveal: which event to show unredacted, and why (audited). */
export const ZRevealBody = z.object({
  account_id: z.string().min(1).max(128),
  event_id: z.string().min(1).max(128),
  event_ts: z.string().datetime({ offset: true }),
  reason: z.string().trim().max(500).optional(),
});
export type TRevealBody = z.infer<typeof ZRevealBody>;
