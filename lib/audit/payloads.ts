import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { CASE_OUTCOMES, CASE_SEVERITIES, CASE_STATUSES, ZChartParams } from '@/lib/schemas/case';

// Zod schemas of the audit payloads (`before` / `after`) the catalogue in ./actions.ts names.
// They describe what the log stores, i.e. the payload after its JSON round trip (dates are ISO
// strings). Objects are strict: a key a call site adds without saying so here fails writeAudit in
// the tests, so the custody log and reports never meet a shape nobody declared. lib/audit sits
// below the features, so feature types are restated here, not imported (lib/schemas is fine).

const count = z.number().int().min(0);
const iso = z.iso.datetime({ offset: true });
const ip = z.string().max(64).nullable();
const role = z.enum(ROLES);

export const ZNoPayload = z.null();

// ---------------------------------------------------------------- sign-in and users
export const ZSignIn = z.strictObject({ ip });
export const ZSignInBlocked = z.strictObject({ ip, locked_minutes: z.number().int().min(1) });
export const ZSignInFailed = z.union([
  z.strictObject({ ip, why: z.enum(['unknown email', 'account disabled', 'wrong password']) }),
  // SSO refusals (lib/auth/oidc.ts decideOidcUser): the reason is a sentence.
  z.strictObject({ method: z.literal('oidc'), reason: z.string().min(1) }),
]);
export const ZRoleOnly = z.strictObject({ role });
export const ZOidcSignIn = z.strictObject({
  role,
  decision: z.enum(['sign_in', 'link', 'create']),
});
export const ZUserCreated = z.strictObject({ email: z.string().email(), name: z.string(), role });
export const ZUserState = z.strictObject({ name: z.string(), role, disabled: z.boolean() });
export const ZUserStatePassword = ZUserState.extend({ password: z.literal('changed') });

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
  settingsVersion: z.number().int().min(1).nullable(),
  settings: ZSettings,
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
});
export const ZTokenLive = z.strictObject({ revoked_at: z.null() });
export const ZTokenRevoked = z.strictObject({ revoked_at: iso });

// ---------------------------------------------------------------- analyst workspace
const ZAnnotationBase = {
  id: z.string().regex(/^\d+$/),
  subject_type: z.enum(['event', 'account']),
  account_id: z.string().min(1),
  event_id: z.string().nullable(),
  event_ts: iso.nullable(),
  author_id: z.string(),
  author_email: z.string(),
  created_at: iso,
};
export const ZAnnotationStar = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('star'),
  value: z.null(),
});
export const ZAnnotationTag = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('tag'),
  value: z.string().min(1),
});
export const ZAnnotationComment = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('comment'),
  value: z.string().min(1),
});
export const ZAnnotation = z.discriminatedUnion('kind', [
  ZAnnotationStar,
  ZAnnotationTag,
  ZAnnotationComment,
]);

export const ZReveal = z.strictObject({ account_id: z.string().min(1), ts: iso });

export const ZSavedView = z.strictObject({
  id: z.string().uuid(),
  page: z.string(),
  name: z.string(),
  query: z.string(),
  updated_at: iso,
});

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

// ---------------------------------------------------------------- cases (lib/cases)
// Rows target the case; child ids (task, pin, file) ride in the payload as strings.
const caseStatus = z.enum(CASE_STATUSES);
const severity = z.enum(CASE_SEVERITIES);
const outcomes = z.record(z.string(), z.enum(CASE_OUTCOMES));
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const userId = z.string().min(1);
/** Fields an edit can change (lib/cases/update.ts records only those that changed). */
const caseFields = {
  title: z.string().optional(),
  summary: z.string().optional(),
  severity: severity.optional(),
  restricted: z.boolean().optional(),
  assignee_id: userId.nullable().optional(),
  watcher_ids: z.array(userId).optional(),
  tags: z.array(z.string()).optional(),
};
export const ZCaseUpdateBefore = z.strictObject(caseFields);
export const ZCaseUpdateAfter = z.strictObject({ ...caseFields, version: count });
export const ZCaseCreated = z.strictObject({
  number: z.number().int().min(1),
  title: z.string(),
  severity,
  restricted: z.boolean(),
  assignee_id: userId.nullable(),
  opened_from: z.string(),
  queue_item_id: z.string().nullable(),
  case_type: z.string().nullable(),
  tasks: count,
});
export const ZCaseStatusBefore = z.strictObject({ status: caseStatus });
export const ZCaseStatusAfter = z.strictObject({
  status: caseStatus,
  from: caseStatus,
  version: count,
});
export const ZCaseClosed = z.strictObject({
  status: z.literal('closed'),
  from: caseStatus,
  version: count,
  outcomes,
});
// One row per case of a bulk change; which fields follow depends on the operation.
export const ZCaseBulk = z.union([
  z.strictObject({
    op: z.literal('assign'),
    bulk_id: z.string().uuid(),
    version: count,
    assignee_id: userId.nullable(),
    before: z.strictObject({ assignee_id: userId.nullable() }),
  }),
  z.strictObject({
    op: z.literal('tag'),
    bulk_id: z.string().uuid(),
    version: count,
    tags: z.array(z.string()),
    before: z.strictObject({ tags: z.array(z.string()) }),
  }),
  z.strictObject({
    op: z.enum(['status', 'close']),
    bulk_id: z.string().uuid(),
    version: count,
    status: caseStatus,
    from: caseStatus,
    outcomes: outcomes.optional(),
  }),
]);
const riskAtLink = z.number().nullable();
export const ZCaseAccountLinked = z.strictObject({
  account_id: z.string(),
  risk_at_link: riskAtLink,
  reasons_at_link: z.array(z.string()),
});
export const ZCaseClusterLinked = z.strictObject({
  cluster_id: z.string(),
  risk_at_link: riskAtLink,
  members_at_link: count.nullable(),
});
export const ZCaseAccountUnlinked = z.strictObject({ case_id: z.string(), account_id: z.string() });
export const ZCaseClusterUnlinked = z.strictObject({ case_id: z.string(), cluster_id: z.string() });
const pinNote = z.string().nullable().optional();
export const ZCaseEventPinned = z.strictObject({
  pin_id: z.string(),
  annotation_id: z.string(),
  account_id: z.string(),
  event_id: z.string().nullable(),
  event_ts: iso.nullable(),
  note: pinNote,
});
export const ZCaseChartPinned = z.strictObject({
  pin_id: z.string(),
  chart: ZChartParams,
  note: pinNote,
});
export const ZCaseUnpinned = z.strictObject({
  pin_id: z.string(),
  kind: z.enum(['event', 'chart']),
  account_id: z.string().nullable(),
});
export const ZCaseTask = z.strictObject({ task_id: z.string(), title: z.string() });
export const ZCaseTaskState = ZCaseTask.extend({ done: z.boolean() });
export const ZCaseFileUploaded = z.strictObject({
  file_id: z.string(),
  filename: z.string(),
  sha256,
  size_bytes: count,
});
export const ZCaseFileRemoved = z.strictObject({
  file_id: z.string(),
  filename: z.string(),
  sha256,
});
export const ZCaseTemplateState = z.strictObject({
  name: z.string(),
  severity,
  tasks: z.array(z.string()),
});

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

// ---------------------------------------------------------------- notes, inbox, ToS clauses (lib/cases)
// A note's body rides in its rows, so an edit or a delete keeps the earlier text in the chain.
export const ZNoteSnapshot = z.strictObject({
  note_id: z.string().regex(/^\d+$/),
  body: z.string(),
  mention_ids: z.array(z.string()),
});
export const ZInboxMarked = z.strictObject({
  read: z.boolean(),
  count,
  all: z.boolean(),
});
export const ZClauseVersionSnapshot = z.strictObject({
  version_id: z.string().uuid(),
  version: z.string(),
  text: z.string(),
  effective_from: iso,
});
export const ZClauseCreated = z.strictObject({
  code: z.string(),
  title: z.string(),
  first_version: ZClauseVersionSnapshot,
});
export const ZClauseLinked = z.strictObject({
  link_id: z.string().regex(/^\d+$/),
  clause_id: z.string().uuid(),
  code: z.string(),
  version_id: z.string().uuid(),
  version: z.string(),
  effective_from: iso,
  account_id: z.string(),
  conduct_from: iso,
  conduct_to: iso,
  accepted_tos_version: z.string().nullable(),
  finding: z.string(),
});
