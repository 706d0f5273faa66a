import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { TCasePin } from '@/lib/schemas/case';
import { lockCase, touchCase } from './lock';

/**
 * Pins evidence to a case. An event is pinned through one of its annotations (the star, tag or
 * comment an analyst left), which links that annotation to the case; the event must belong to an
 * account linked to the case. A chart is pinned by its exact parameters, so the case page draws it
 * again from the same rollups rather than from a picture.
 */
export async function pinEvidence(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: TCasePin,
): Promise<{ id: string }> {
  const c = await lockCase(tx, user, caseId);
  const linked = async (accountId: string) =>
    (await tx.caseAccount.count({ where: { case_id: c.id, account_id: accountId } })) > 0;
  if (input.kind === 'event') {
    const a = await tx.annotation.findFirst({
      where: { id: BigInt(input.annotation_id), deleted_at: null, subject_type: 'event' },
    });
    if (!a) throw new NotFoundError('Annotation not found');
    if (!(await linked(a.account_id)))
      throw new ValidationError(
        `Account ${a.account_id} is not linked to this case`,
        'annotation_id',
      );
    const dup = await tx.casePin.findFirst({
      where: { case_id: c.id, annotation_id: a.id, removed_at: null },
    });
    if (dup) return { id: dup.id.toString() };
    const pin = await tx.casePin.create({
      data: {
        case_id: c.id,
        kind: 'event',
        account_id: a.account_id,
        annotation_id: a.id,
        event_id: a.event_id,
        event_ts: a.event_ts,
        note: input.note,
        pinned_by: user.id,
      },
    });
    await touchCase(tx, c);
    await audit({
      action: 'case.pin_event',
      targetType: 'case',
      targetId: c.id,
      after: {
        pin_id: pin.id.toString(),
        annotation_id: a.id.toString(),
        account_id: a.account_id,
        event_id: a.event_id,
        event_ts: a.event_ts?.toISOString() ?? null,
        note: input.note,
      },
    });
    return { id: pin.id.toString() };
  }
  if (!(await linked(input.chart.account_id)))
    throw new ValidationError(
      `Account ${input.chart.account_id} is not linked to this case`,
      'chart.account_id',
    );
  const chart = { ...input.chart };
  const pin = await tx.casePin.create({
    data: {
      case_id: c.id,
      kind: 'chart',
      account_id: chart.account_id,
      chart,
      note: input.note,
      pinned_by: user.id,
    },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.pin_chart',
    targetType: 'case',
    targetId: c.id,
    after: { pin_id: pin.id.toString(), chart, note: input.note },
  });
  return { id: pin.id.toString() };
}

/** Unpins (soft: the pin row stays, so the timeline and the evidence history still resolve). */
export async function unpinEvidence(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  pinId: bigint,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const pin = await tx.casePin.findFirst({ where: { id: pinId, case_id: c.id, removed_at: null } });
  if (!pin) throw new NotFoundError('Pinned evidence not found');
  await tx.casePin.update({ where: { id: pin.id }, data: { removed_at: new Date() } });
  await touchCase(tx, c);
  await audit({
    action: 'case.unpin',
    targetType: 'case',
    targetId: c.id,
    before: { pin_id: pin.id.toString(), kind: pin.kind, account_id: pin.account_id },
  });
}
