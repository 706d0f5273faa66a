import { z } from 'zod';
import { ZDetectSettings } from '@/lib/detect/settings';

/** PUT body of the detection settings route: a partial settings object and why it changes. */
export const ZDetectSettingsUpdate = ZDetectSettings.partial().extend({
  /** e.g. "calibration on scenario seed 11 + 40 dispositions" (shown in the version history) */
  note: z.string().max(500).optional(),
  source: z.enum(['admin', 'calibration']).optional(),
});
export type TDetectSettingsUpdate = z.infer<typeof ZDetectSettingsUpdate>;

/** POST body of the revert route: the version to put back in force (as a new version). */
export const ZDetectSettingsRevert = z.object({
  version: z.number().int().min(1),
  note: z.string().max(500).optional(),
});
export type TDetectSettingsRevert = z.infer<typeof ZDetectSettingsRevert>;
