import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import { caseVisibilityWhere, type SessionUser } from '@/lib/auth/permissions';
import { DomainError, ValidationError } from '@/lib/errors';
import type { CaseStatus, TCaseBulk } from '@/lib/schemas/case';
import { allowedTransitions, assertTransition } from './workflow';
import { assertUsers } from './create';
import { bumpVersion, lockCase } from './lock';
import { closeLocked } from './status';
import { prismaRunner } from '@/lib/audit/runners';
import { caseAssignedSummary, notify } from './inbox';

export interface BulkPreview {
  selected: number;
  affected: number;
  /** Cases the change cannot apply to (the whole change would be refused). */
  blocked: { id: string; number: number; message: string }[];
}

/** How many of the selected cases the change would touch, and which would refuse it. */
export async function previewBulk(
  user: SessionUser,
  input: Pick<TCaseBulk, 'cases' | 'change'>,
): Promise<BulkPreview> {
  const ids = input.cases.map((c) => c.id);
  const rows = await prisma.case.findMany({
    where: { id: { in: ids }, ...caseVisibilityWhere(user) },
    select: { id: true, number: true, status: true, version: true },
  });
  const seen = new Map(rows.map((r) => [r.id, r]));
  const blocked: BulkPreview['blocked'] = [];
  for (const want of input.cases) {
    const r = seen.get(want.id);
    if (!r) {
      blocked.push({ id: want.id, number: 0, message: 'not found' });
      continue;
    }
    if (r.version !== want.version)
      blocked.push({ id: r.id, number: r.number, message: 'changed since you loaded the list' });
    const to =
      input.change.op === 'close'
        ? 'closed'
        : input.change.op === 'status'
          ? input.change.to
          : null;
    if (to && !allowedTransitions(r.status as CaseStatus).includes(to))
      blocked.push({ id: r.id, number: r.number, message: `cannot go from ${r.status} to ${to}` });
  }
  return {
    selected: ids.length,
    affected: rows.length - new Set(blocked.map((b) => b.id)).size,
    blocked,
  };
}

/**
 * Applies one change to many cases in one transaction: all or nothing. Any case that is unknown,
 * stale or refuses the change aborts the whole batch with an error naming it. One audit row per
 * case ('case.bulk', with the shared bulk id and the reason).
 */
export async function applyBulk(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  input: TCaseBulk,
): Promise<{ bulk_id: string; affected: number }> {
  const bulkId = randomUUID();
  const ch = input.change;
  if (ch.op === 'assign' && ch.assignee_id) await assertUsers(tx, [ch.assignee_id], 'assignee_id');
  if (ch.op === 'tag' && ch.add.length + ch.remove.length === 0)
    throw new ValidationError('Name at least one tag to add or remove', 'change.add');
  // Lock in a fixed order so two bulk changes over overlapping sets cannot deadlock.
  const sorted = [...input.cases].sort((a, b) => a.id.localeCompare(b.id));
  for (const want of sorted) {
    const c = await lockCase(tx, user, want.id, want.version).catch((e: unknown) => {
      if (e instanceof DomainError) e.message = `Case ${want.id}: ${e.message}`;
      throw e;
    });
    const from = c.status as CaseStatus;
    const payload: Record<string, unknown> = { op: ch.op, bulk_id: bulkId };
    if (ch.op === 'assign') {
      await tx.case.update({ where: { id: c.id }, data: { assignee_id: ch.assignee_id } });
      if (ch.assignee_id && ch.assignee_id !== c.assignee_id)
        await notify(prismaRunner(tx), user.id, [
          {
            user_id: ch.assignee_id,
            kind: 'case_assigned',
            case_id: c.id,
            summary: caseAssignedSummary(c),
          },
        ]);
      Object.assign(payload, {
        assignee_id: ch.assignee_id,
        before: { assignee_id: c.assignee_id },
      });
    } else if (ch.op === 'tag') {
      const tags = [...new Set([...c.tags, ...ch.add])].filter((t) => !ch.remove.includes(t));
      await tx.case.update({ where: { id: c.id }, data: { tags } });
      Object.assign(payload, { tags, before: { tags: c.tags } });
    } else if (ch.op === 'status') {
      try {
        assertTransition(from, ch.to);
      } catch (e) {
        (e as Error).message = `Case #${c.number}: ${(e as Error).message}`;
        throw e;
      }
      await tx.case.update({ where: { id: c.id }, data: { status: ch.to } });
      Object.assign(payload, { status: ch.to, from });
    } else {
      try {
        const outcomes = await closeLocked(tx, user, c, input.reason, () => ch.outcome);
        Object.assign(payload, { status: 'closed', from, outcomes });
      } catch (e) {
        (e as Error).message = `Case #${c.number}: ${(e as Error).message}`;
        throw e;
      }
    }
    payload.version = await bumpVersion(tx, c);
    await audit({
      action: 'case.bulk',
      targetType: 'case',
      targetId: c.id,
      after: payload,
      reason: input.reason,
    });
  }
  return { bulk_id: bulkId, affected: sorted.length };
}
