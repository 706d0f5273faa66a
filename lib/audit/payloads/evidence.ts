import { z } from 'zod';
import { count, sha256 } from './common';

// ---------------------------------------------------------------- evidence export (lib/evidence)
// Rows target the case; `caseId` and `jobId` are how the custody log selects a package's rows.
const jobRef = { caseId: z.string().uuid(), jobId: z.string().uuid() };
export const ZExportRequested = z.strictObject({
  ...jobRef,
  // The job's options as stored (lib/evidence/jobs/store.ts); their own schema validates them.
  options: z.record(z.string(), z.unknown()),
  /** A rebuild names the export it rebuilds from the same cut-off (createRebuildJob). */
  rebuildOf: z.string().uuid().optional(),
});
export const ZExportCancel = z.strictObject({ ...jobRef, status: z.string() });
export const ZExportDone = z.strictObject({
  ...jobRef,
  requestedBy: z.string(),
  bagName: z.string(),
  bytes: count,
  sha256,
  events: count,
  payloadFiles: count,
  payloadOxum: z.string(),
  tagManifestSha256: sha256,
  signingKeyId: z.string(),
  timestamped: z.boolean(),
  custodyHead: z.string(),
  redactions: count,
});
export const ZExportEnded = z.strictObject({
  ...jobRef,
  requestedBy: z.string(),
  error: z.string().nullable(),
});
export const ZExportDownload = z.strictObject({
  ...jobRef,
  bagName: z.string().nullable(),
  bytes: count,
  sha256: sha256.nullable(),
});
export const ZBagVerified = z.strictObject({
  filename: z.string(),
  bytes: count,
  ok: z.boolean(),
  failures: count,
});
