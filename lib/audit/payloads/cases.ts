import { z } from 'zod';
import { CASE_OUTCOMES, CASE_SEVERITIES, CASE_STATUSES, ZChartParams } from '@/lib/schemas/case';
import { count, iso, sha256, userId } from './common';

// ---------------------------------------------------------------- cases (lib/cases)
// Rows target the case; child ids (task, pin, file) ride in the payload as strings.
const caseStatus = z.enum(CASE_STATUSES);
const severity = z.enum(CASE_SEVERITIES);
const outcomes = z.record(z.string(), z.enum(CASE_OUTCOMES));
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
