import { z } from 'zod';
import { count, iso } from './common';

// ---------------------------------------------------------------- ingest and detection
export const ZInstanceBind = z.strictObject({
  instance_id: z.string().uuid(),
  data_dir: z.string(),
});
export const ZDemoLoad = z.strictObject({
  accounts: count,
  events: count,
  seed: z.number(),
  at: iso,
});

export const ZIngestRun = z.strictObject({
  runId: z.string().regex(/^\d+$/),
  kind: z.enum(['events', 'accounts']),
  format: z.enum(['ndjson', 'csv']),
  lines: count,
  accepted: count,
  duplicates: count,
  rejected: count,
  committedThrough: count.optional(),
  elapsedMs: z.number().min(0),
  batches: z.strictObject({ direct: count, staged: count }),
  timings: z
    .strictObject({
      parse: z.number(),
      stage: z.number(),
      merge: z.number(),
      commit: z.number(),
      wait: z.number(),
    })
    .optional(),
  status: z.enum(['done', 'failed']),
  firstErrors: z
    .array(
      z.strictObject({ line: z.number().int(), field: z.string().optional(), reason: z.string() }),
    )
    .max(5),
  error: z.string().optional(),
});

const runKind = z.enum(['events', 'accounts']);
export const ZIngestStart = z.strictObject({
  runId: z.string().regex(/^\d+$/),
  kind: runKind,
  source: z.string(),
});
/** A run whose process died before it closed (lib/ingest/run-life.ts): what its batches committed. */
export const ZIngestAbort = ZIngestStart.extend({
  lines: count,
  accepted: count,
  duplicates: count,
  rejected: count,
  startedAt: iso,
  status: z.literal('aborted'),
});

// The full settings shape is ZDetectSettings (lib/detect/settings.ts); the log needs the fields a
// reader of a custody log asks for, and keeps whatever else detection stores (loose on purpose).
const ZSettings = z.looseObject({
  accountThreshold: z.number().min(0).max(1),
  clusterThreshold: z.number().min(0).max(1),
  weights: z.record(z.string(), z.number()),
});

export const ZDetectRun = z.strictObject({
  accounts: count,
  flaggedAccounts: count,
  clusters: count,
  flaggedClusters: count,
  newFlags: count,
  vanishedClusters: count,
  /** runs a killed process left 'running', swept by this run (absent on rows before the sweep) */
  abortedRuns: z.array(z.string().regex(/^\d+$/)).optional(),
  settingsVersion: z.number().int().min(1).nullable(),
  settings: ZSettings,
  /** 'since_last' (detect --since-last): accounts/clusters count the rescored ones (absent before it existed) */
  mode: z.enum(['full', 'since_last']).optional(),
  /** since_last: accounts that received events since the last run, and that run's id */
  touched: count.optional(),
  sinceRun: z.string().regex(/^\d+$/).optional(),
  /** since_last: 'partial' (the touched accounts' components relinked) or why all were; how many */
  linking: z.string().max(100).optional(),
  relinked: count.optional(),
});

export const ZSettingsBefore = ZSettings.nullable();
const version = z.number().int().min(1);
const note = z.string().max(500).nullable();
export const ZSettingsUpdate = ZSettings.extend({
  version,
  source: z.enum(['admin', 'calibration']),
  note,
});
export const ZSettingsRevert = ZSettings.extend({ version, revertedTo: version, note });

export const ZIngestToken = z.strictObject({
  name: z.string(),
  prefix: z.string().startsWith('dwi_'),
  scopes: z.array(z.enum(['events', 'accounts'])).min(1),
  expires_at: iso.nullable(),
});
export const ZTokenLive = z.strictObject({ revoked_at: z.null() });
export const ZTokenRevoked = z.strictObject({ revoked_at: iso });
