import { z } from 'zod';
import * as P from './payloads';

// The closed catalogue of audit actions: every row's `action` is one of these keys. The audit
// page's filter, the case activity timeline and the evidence custody log read the same
// vocabulary from here. Each entry names its label, the target type(s) its rows point at, and
// zod schemas of its payloads (./payloads.ts): `after`, and `before` where the action records
// one. writeAudit refuses a row whose target type or payloads do not match. Features add their
// actions here (one block per feature, kept alphabetical inside).

export interface ActionDef {
  label: string;
  targets: readonly string[];
  after: z.ZodType;
  /** Absent: the action records no `before` (writeAudit refuses one). */
  before?: z.ZodType;
}

const def = (
  label: string,
  target: string | readonly string[],
  after: z.ZodType,
  before?: z.ZodType,
): ActionDef => ({
  label,
  targets: typeof target === 'string' ? [target] : target,
  after,
  before,
});

const ANNOTATED = ['event', 'account'] as const;

export const AUDIT_ACTIONS = {
  // refused requests (lib/api/route.ts)
  'access.denied': def('Access refused (403)', 'route', P.ZAccessDenied),
  // sign-in
  'auth.sign_in': def('Signed in', 'user', P.ZSignIn),
  'auth.sign_in_blocked': def('Sign-in blocked', 'user', P.ZSignInBlocked),
  'auth.sign_in_failed': def('Sign-in failed', 'user', P.ZSignInFailed),
  'auth.sign_in_oidc': def('Signed in with SSO', 'user', P.ZOidcSignIn, P.ZRoleOnly.nullable()),
  'auth.sign_out': def('Signed out', 'user', P.ZNoPayload),
  'auth.unlock': def('Sign-in delay cleared', 'user', P.ZSignInUnlocked),
  // users
  'user.create': def('User created', 'user', P.ZUserCreated),
  'user.change_own_password': def('Own password changed', 'user', P.ZOwnPasswordChanged),
  'user.end_sessions': def('Signed out everywhere', 'user', P.ZSessionsEnded),
  'user.update': def('User updated', 'user', P.ZUserStateAfter, P.ZUserState),
  'user.update_password': def('Password changed', 'user', P.ZUserStatePassword, P.ZUserState),
  // ingest and detection
  'demo.load': def('Demo data loaded', 'setting', P.ZDemoLoad),
  'instance.bind': def('Embedded database bound to its data folder', 'setting', P.ZInstanceBind),
  'detect.run': def('Detection run', 'detect_run', P.ZDetectRun),
  'ingest.abort': def('Ingest run aborted', 'ingest_run', P.ZIngestAbort),
  'ingest.run': def('Ingest run', 'ingest_run', P.ZIngestRun),
  'ingest.start': def('Ingest run started', 'ingest_run', P.ZIngestStart),
  'ingest_token.create': def('Ingest token created', 'ingest_token', P.ZIngestToken),
  'ingest_token.revoke': def('Ingest token revoked', 'ingest_token', P.ZTokenRevoked, P.ZTokenLive),
  'settings.detection.revert': def(
    'Detection settings reverted',
    'setting',
    P.ZSettingsRevert,
    P.ZSettingsBefore,
  ),
  'settings.detection.update': def(
    'Detection settings changed',
    'setting',
    P.ZSettingsUpdate,
    P.ZSettingsBefore,
  ),
  // analyst workspace
  'annotation.comment': def('Comment added', ANNOTATED, P.ZAnnotationComment),
  'annotation.delete': def('Annotation deleted', ANNOTATED, P.ZNoPayload, P.ZAnnotation),
  'annotation.star': def('Event starred', ANNOTATED, P.ZAnnotationStar),
  'annotation.tag': def('Tag added', ANNOTATED, P.ZAnnotationTag),
  'annotation.update': def('Annotation edited', ANNOTATED, P.ZAnnotationText, P.ZAnnotationText),
  'event.reveal': def('Prompt text revealed', 'event', P.ZReveal),
  'saved_view.create': def('Saved view created', 'saved_view', P.ZSavedView),
  'saved_view.delete': def('Saved view deleted', 'saved_view', P.ZNoPayload, P.ZSavedView),
  'saved_view.update': def('Saved view updated', 'saved_view', P.ZSavedView, P.ZSavedView),
  // review queues (lib/queues)
  'queue.archive': def('Queue archived', 'queue', P.ZQueueArchived, P.ZQueueSnapshot),
  'queue.create': def('Queue created', 'queue', P.ZQueueSnapshot),
  'queue.route': def('Flags routed into queue', 'queue', P.ZQueueRouted),
  'queue.update': def('Queue changed', 'queue', P.ZQueueSnapshot, P.ZQueueSnapshot),
  'queue_item.claim': def('Queue item claimed', 'queue_item', P.ZItemClaimed),
  'queue_item.reassign': def('Queue item reassigned', 'queue_item', P.ZItemAfter, P.ZItemBefore),
  'queue_item.release': def('Queue item released', 'queue_item', P.ZItemAfter, P.ZItemBefore),
  'queue_item.resolve': def('Queue item resolved', 'queue_item', P.ZItemAfter, P.ZItemBefore),
  'queue_item.snooze': def('Queue item snoozed', 'queue_item', P.ZItemAfter, P.ZItemBefore),
  // cases (lib/cases): target 'case', target_id = the case id, so the case's activity timeline is
  // `WHERE target_type = 'case' AND target_id = $id`; child ids ride in the payload.
  'case.bulk': def('Bulk change', 'case', P.ZCaseBulk),
  'case.clause_link': def('ToS clause linked', 'case', P.ZClauseLinked),
  'case.clause_unlink': def('ToS clause unlinked', 'case', P.ZNoPayload, P.ZClauseLinked),
  'case.close': def('Case closed', 'case', P.ZCaseClosed, P.ZCaseStatusBefore),
  'case.create': def('Case opened', 'case', P.ZCaseCreated),
  'case.file_remove': def('File removed', 'case', P.ZNoPayload, P.ZCaseFileRemoved),
  'case.file_upload': def('File uploaded', 'case', P.ZCaseFileUploaded),
  'case.hold_lift': def('Legal hold lifted', 'case', P.ZHoldLifted, P.ZHoldSnapshot),
  'case.hold_set': def('Legal hold set', 'case', P.ZHoldSnapshot),
  'case.link_account': def('Account linked', 'case', P.ZCaseAccountLinked),
  'case.link_cluster': def('Cluster linked', 'case', P.ZCaseClusterLinked),
  'case.note_add': def('Note added', 'case', P.ZNoteSnapshot),
  'case.note_delete': def('Note deleted', 'case', P.ZNoPayload, P.ZNoteSnapshot),
  'case.note_edit': def('Note edited', 'case', P.ZNoteSnapshot, P.ZNoteSnapshot),
  'case.pin_chart': def('Chart pinned', 'case', P.ZCaseChartPinned),
  'case.pin_event': def('Event pinned', 'case', P.ZCaseEventPinned),
  'case.status': def('Status changed', 'case', P.ZCaseStatusAfter, P.ZCaseStatusBefore),
  'case.task_add': def('Task added', 'case', P.ZCaseTask),
  'case.task_remove': def('Task removed', 'case', P.ZNoPayload, P.ZCaseTaskState),
  'case.task_update': def('Task updated', 'case', P.ZCaseTaskState, P.ZCaseTaskState),
  'case.unlink_account': def('Account unlinked', 'case', P.ZNoPayload, P.ZCaseAccountUnlinked),
  'case.unlink_cluster': def('Cluster unlinked', 'case', P.ZNoPayload, P.ZCaseClusterUnlinked),
  'case.unpin': def('Evidence unpinned', 'case', P.ZNoPayload, P.ZCaseUnpinned),
  'case.update': def('Case updated', 'case', P.ZCaseUpdateAfter, P.ZCaseUpdateBefore),
  'case_template.delete': def(
    'Case template deleted',
    'case_template',
    P.ZNoPayload,
    P.ZCaseTemplateState,
  ),
  'case_template.upsert': def(
    'Case template saved',
    'case_template',
    P.ZCaseTemplateState,
    P.ZCaseTemplateState.nullable(),
  ),
  // the inbox (lib/cases/inbox.ts): the target is the user whose entries were marked
  'inbox.mark': def('Inbox entries marked', 'user', P.ZInboxMarked),
  // raw-event retention (lib/cases/retention): the setting, and each purge (one row per partition
  // in the transaction that emptied it, then one for the run)
  'retention.purge': def('Old events purged', 'events_partition', P.ZPurgePartition),
  'retention.purge_run': def('Retention purge run', 'setting', P.ZPurgeRun),
  'settings.retention.update': def(
    'Retention changed',
    'setting',
    P.ZRetentionSetting,
    P.ZRetentionSetting.nullable(),
  ),
  // the ToS clause catalogue (lib/cases/clauses.ts)
  'tos_clause.create': def('ToS clause created', 'tos_clause', P.ZClauseCreated),
  'tos_clause.version_add': def('ToS clause version added', 'tos_clause', P.ZClauseVersionSnapshot),
  'tos_clause.version_update': def(
    'ToS clause version changed (not yet in force)',
    'tos_clause',
    P.ZClauseVersionSnapshot,
    P.ZClauseVersionSnapshot,
  ),
  // evidence export jobs (lib/evidence/jobs): target is the case, so they show on its activity
  // and in the next package's custody log; every download is one of these rows.
  'evidence.download': def('Evidence package downloaded', 'case', P.ZExportDownload),
  'evidence.export_cancel': def('Evidence export cancel requested', 'case', P.ZExportCancel),
  'evidence.export_cancelled': def('Evidence export cancelled', 'case', P.ZExportEnded),
  'evidence.export_done': def('Evidence package built', 'case', P.ZExportDone),
  'evidence.export_failed': def('Evidence export failed', 'case', P.ZExportEnded),
  'evidence.export_request': def('Evidence export requested', 'case', P.ZExportRequested),
  'evidence.verify': def('Evidence package verified (upload)', 'evidence_bag', P.ZBagVerified),
} as const satisfies Record<string, ActionDef>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export function isAuditAction(s: string): s is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, s);
}

/** The label shown for an action; rows written before an action was renamed show their raw name. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}
