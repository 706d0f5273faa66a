import { z } from 'zod';

// Legal holds on cases and the raw-event retention setting, shared by routes and forms.

const reason = z
  .string()
  .trim()
  .min(1, 'is required: say why')
  .max(2000, 'must be at most 2000 characters');

export const ZHoldSet = z.object({ reason });
export type THoldSet = z.infer<typeof ZHoldSet>;

export const ZHoldLift = z.object({ reason });
export type THoldLift = z.infer<typeof ZHoldLift>;

/** Longest retention an admin may set: 100 years is "keep", and keeps the date arithmetic sane. */
export const RETENTION_MAX_DAYS = 36_500;

/** How long raw events are kept; null keeps them forever (no purge deletes anything). */
export const ZRetentionSettings = z.object({
  raw_event_days: z
    .number({ message: 'must be a whole number of days, or null to keep events forever' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(RETENTION_MAX_DAYS, `must be at most ${RETENTION_MAX_DAYS} days`)
    .nullable(),
});
export type TRetentionSettings = z.infer<typeof ZRetentionSettings>;
