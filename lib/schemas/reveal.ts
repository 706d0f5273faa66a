import { z } from 'zod';

/**
 * POST /api/v1/events/reveal: which event to show unredacted, and why. The reason is required: it
 * goes into the audit row ('event.reveal'), which is the reveal log a reviewer reads.
 */
export const ZRevealBody = z.object({
  account_id: z.string().min(1).max(128),
  event_id: z.string().min(1).max(128),
  event_ts: z.string().datetime({ offset: true }),
  reason: z
    .string({ error: 'is required: say why you need the unmasked text' })
    .trim()
    .min(5, 'is required: say why you need the unmasked text (at least 5 characters)')
    .max(500, 'is at most 500 characters'),
});
export type TRevealBody = z.infer<typeof ZRevealBody>;
