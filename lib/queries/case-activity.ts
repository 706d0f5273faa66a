import { AUDIT_ACTIONS, isAuditAction } from '@/lib/audit/actions';
import { rows } from './sql';

// The case's activity timeline is its audit trail: every case.* action targets the case id
// (children ride in the payload), so this is one indexed read of audit_log. The caller has
// already checked that the user may see the case (getCase).

export interface ActivityEntry {
  id: string;
  at: string;
  actor_email: string | null;
  action: string;
  label: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export async function getCaseActivity(caseId: string, limit = 500): Promise<ActivityEntry[]> {
  const r = await rows<Omit<ActivityEntry, 'label'> & { at: Date }>(
    `SELECT id::text, at, actor_email, action, before, after, reason FROM audit_log
      WHERE target_type = 'case' AND target_id = $1 ORDER BY id DESC LIMIT $2`,
    [caseId, limit],
  );
  return r.map((e) => ({
    ...e,
    at: e.at.toISOString(),
    label: isAuditAction(e.action) ? AUDIT_ACTIONS[e.action].label : e.action,
  }));
}
