import { z } from 'zod';
import { count, iso, userId } from './common';

// ---------------------------------------------------------------- legal holds and retention (lib/cases)
// A hold row as the case timeline and the custody log read it: who set it, why, and the accounts
// it held at that moment (the case's linked accounts).
export const ZHoldSnapshot = z.strictObject({
  hold_id: z.string().regex(/^\d+$/),
  reason: z.string(),
  set_by: userId,
  set_at: iso,
  account_ids: z.array(z.string()),
});
export const ZHoldLifted = z.strictObject({
  hold_id: z.string().regex(/^\d+$/),
  lift_reason: z.string(),
  lifted_at: iso,
});
export const ZRetentionSetting = z.strictObject({ raw_event_days: count.nullable() });
/** One partition's share of a purge, written in the transaction that deleted it. */
export const ZPurgePartition = z.strictObject({
  partition: z.string(),
  mode: z.enum(['drop', 'delete']),
  cutoff: iso,
  raw_event_days: count,
  deleted: count,
  kept_for_hold: count,
  held_accounts: count,
});
/** The whole run, after its partitions. */
export const ZPurgeRun = z.strictObject({
  cutoff: iso,
  raw_event_days: count,
  partitions_dropped: count,
  partitions_trimmed: count,
  deleted: count,
  kept_for_hold: count,
  held_accounts: count,
  elapsed_ms: z.number().min(0),
});
