import { z } from 'zod';

// The closed catalogue of audit actions: every row's `action` is one of these keys. The audit
// page's filter, the case activity timeline and the evidence custody log read the same
// vocabulary from here. Each entry names its target type and a zod schema for its `after`
// payload; features add their actions here (one block per feature, kept alphabetical inside).

const anyPayload = z.record(z.string(), z.unknown()).nullable();

// Export-job rows name their case and job (the custody log selects rows by after.caseId).
const exportPayload = z.looseObject({ caseId: z.string().uuid(), jobId: z.string().uuid() });

interface ActionDef {
  label: string;
  target: string;
  after: z.ZodType;
}

const def = (label: string, target: string, after: z.ZodType = anyPayload): ActionDef => ({
  label,
  target,
  after,
});

const caseStatusAfter = z.object({ status: z.string(), from: z.string(), version: z.number() });
const caseCloseAfter = z.object({
  status: z.literal('closed'),
  from: z.string(),
  version: z.number(),
  outcomes: z.record(z.string(), z.string()),
});
const caseFileAfter = z.object({
  file_id: z.string(),
  filename: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size_bytes: z.number(),
});
// A bulk change writes one row per case; the payload says which bulk operation it was part of.
const caseBulkAfter = z.looseObject({ op: z.string(), bulk_id: z.string(), version: z.number() });

export const AUDIT_ACTIONS = {
  // sign-in
  'auth.sign_in': def('Signed in', 'user'),
  'auth.sign_in_blocked': def('Sign-in blocked', 'user'),
  'auth.sign_in_failed': def('Sign-in failed', 'user'),
  'auth.sign_in_oidc': def('Signed in with SSO', 'user'),
  // users
  'user.create': def('User created', 'user'),
  'user.update': def('User updated', 'user'),
  'user.update_password': def('Password changed', 'user'),
  // ingest and detection
  'demo.load': def('Demo data loaded', 'setting'),
  'instance.bind': def('Embedded database bound to its data folder', 'setting'),
  'detect.run': def('Detection run', 'detect_run'),
  'ingest.run': def('Ingest run', 'ingest_run'),
  'ingest_token.create': def('Ingest token created', 'ingest_token'),
  'ingest_token.revoke': def('Ingest token revoked', 'ingest_token'),
  'settings.detection.revert': def('Detection settings reverted', 'setting'),
  'settings.detection.update': def('Detection settings changed', 'setting'),
  // analyst workspace
  'annotation.comment': def('Comment added', 'event'),
  'annotation.delete': def('Annotation deleted', 'event'),
  'annotation.star': def('Event starred', 'event'),
  'annotation.tag': def('Tag added', 'event'),
  'event.reveal': def('Prompt text revealed', 'event'),
  'saved_view.create': def('Saved view created', 'saved_view'),
  'saved_view.delete': def('Saved view deleted', 'saved_view'),
  'saved_view.update': def('Saved view updated', 'saved_view'),
  // review queues (lib/queues)
  'queue.archive': def('Queue archived', 'queue'),
  'queue.create': def('Queue created', 'queue'),
  'queue.route': def('Flags routed into queue', 'queue'),
  'queue.update': def('Queue changed', 'queue'),
  'queue_item.claim': def('Queue item claimed', 'queue_item'),
  'queue_item.reassign': def('Queue item reassigned', 'queue_item'),
  'queue_item.release': def('Queue item released', 'queue_item'),
  'queue_item.resolve': def('Queue item resolved', 'queue_item'),
  'queue_item.snooze': def('Queue item snoozed', 'queue_item'),
  // cases (lib/cases): target 'case', target_id = the case id, so the case's activity timeline is
  // `WHERE target_type = 'case' AND target_id = $id`; child ids ride in the payload.
  'case.bulk': def('Bulk change', 'case', caseBulkAfter),
  'case.close': def('Case closed', 'case', caseCloseAfter),
  'case.create': def('Case opened', 'case'),
  'case.file_remove': def('File removed', 'case'),
  'case.file_upload': def('File uploaded', 'case', caseFileAfter),
  'case.link_account': def('Account linked', 'case'),
  'case.link_cluster': def('Cluster linked', 'case'),
  'case.pin_chart': def('Chart pinned', 'case'),
  'case.pin_event': def('Event pinned', 'case'),
  'case.status': def('Status changed', 'case', caseStatusAfter),
  'case.task_add': def('Task added', 'case'),
  'case.task_remove': def('Task removed', 'case'),
  'case.task_update': def('Task updated', 'case'),
  'case.unlink_account': def('Account unlinked', 'case'),
  'case.unlink_cluster': def('Cluster unlinked', 'case'),
  'case.unpin': def('Evidence unpinned', 'case'),
  'case.update': def('Case updated', 'case'),
  'case_template.delete': def('Case template deleted', 'case_template'),
  'case_template.upsert': def('Case template saved', 'case_template'),
  // evidence export jobs (lib/evidence/jobs): target is the case, so they show on its activity
  // and in the next package's custody log; every download is one of these rows.
  'evidence.download': def('Evidence package downloaded', 'case', exportPayload),
  'evidence.export_cancel': def('Evidence export cancel requested', 'case', exportPayload),
  'evidence.export_cancelled': def('Evidence export cancelled', 'case', exportPayload),
  'evidence.export_done': def('Evidence package built', 'case', exportPayload),
  'evidence.export_failed': def('Evidence export failed', 'case', exportPayload),
  'evidence.export_request': def('Evidence export requested', 'case', exportPayload),
  'evidence.verify': def('Evidence package verified (upload)', 'evidence_bag'),
} as const satisfies Record<string, ActionDef>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(s: string): s is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, s);
}
