import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import {
  labelOfOutcome,
  type CaseOutcome,
  type CaseStatus,
  type TCaseStatusChange,
} from '@/lib/schemas/case';
import { bumpVersion, lockCase, type LockedCase } from './lock';
import { assertTransition } from './workflow';

/**
 * Closes a locked case: every linked account needs an outcome (named when missing), and each
 * gets a disposition row — the label detection learns from — with who decided and when.
 */
export async function closeLocked(
  tx: Tx,
  user: SessionUser,
  c: LockedCase,
  reason: string,
  outcomeOf: (accountId: string) => CaseOutcome | undefined,
): Promise<Record<string, CaseOutcome>> {
  assertTransition(c.status as CaseStatus, 'closed');
  const linked = await tx.caseAccount.findMany({
    where: { case_id: c.id },
    select: { account_id: true },
    orderBy: { account_id: 'asc' },
  });
  const outcomes: Record<string, CaseOutcome> = {};
  const missing: string[] = [];
  for (const { account_id } of linked) {
    const o = outcomeOf(account_id);
    if (o) outcomes[account_id] = o;
    else missing.push(account_id);
  }
  if (missing.length)
    throw new ValidationError(
      `An outcome is required for every linked account; missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
      'outcomes',
    );
  const now = new Date();
  for (const [account_id, outcome] of Object.entries(outcomes)) {
    await tx.caseAccount.update({
      where: { case_id_account_id: { case_id: c.id, account_id } },
      data: { outcome },
    });
  }
  await tx.disposition.createMany({
    data: Object.entries(outcomes).map(([account_id, outcome]) => ({
      case_id: c.id,
      account_id,
      outcome,
      label: labelOfOutcome(outcome),
      reason,
      decided_by: user.id,
      decided_at: now,
    })),
  });
  await tx.case.update({
    where: { id: c.id },
    data: { status: 'closed', close_reason: reason, closed_at: now, closed_by: user.id },
  });
  return outcomes;
}

/** Moves a case along the workflow (422 naming the allowed steps); closing records dispositions. */
export async function changeCaseStatus(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  id: string,
  input: TCaseStatusChange,
): Promise<{ version: number; status: CaseStatus }> {
  const c = await lockCase(tx, user, id, input.version);
  const from = c.status as CaseStatus;
  if (input.to === 'closed') {
    const outcomes = await closeLocked(tx, user, c, input.reason, (a) => input.outcomes[a]);
    const version = await bumpVersion(tx, c);
    await audit({
      action: 'case.close',
      targetType: 'case',
      targetId: c.id,
      before: { status: from },
      after: { status: 'closed', from, version, outcomes },
      reason: input.reason,
    });
    return { version, status: 'closed' };
  }
  assertTransition(from, input.to);
  await tx.case.update({
    where: { id: c.id },
    // Reopening clears the close fields; the dispositions stay as history (newest one counts).
    data:
      from === 'closed'
        ? { status: input.to, close_reason: null, closed_at: null, closed_by: null }
        : { status: input.to },
  });
  const version = await bumpVersion(tx, c);
  await audit({
    action: 'case.status',
    targetType: 'case',
    targetId: c.id,
    before: { status: from },
    after: { status: input.to, from, version },
    reason: input.reason ?? null,
  });
  return { version, status: input.to };
}
