import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { THoldLift, THoldSet } from '@/lib/schemas/retention';
import { lockCase, touchCase } from './lock';

// Legal holds. A case under an active hold holds every account linked to it, now and while the
// hold lasts (an account linked later is held too); the retention purge keeps their events. The
// purge share-locks legal_holds and case_accounts while it deletes (./retention/purge.ts), so a
// hold set or an account linked during a purge waits for the partition in progress and is then
// respected by the next one.

/** The accounts under an active hold, as SQL for `account_id = ANY(...)` style checks. */
export const HELD_ACCOUNTS_SQL = `
  SELECT DISTINCT ca.account_id FROM case_accounts ca
    JOIN legal_holds h ON h.case_id = ca.case_id AND h.lifted_at IS NULL`;

async function linkedAccounts(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx.caseAccount.findMany({
    where: { case_id: caseId },
    select: { account_id: true },
    orderBy: { account_id: 'asc' },
  });
  return rows.map((r) => r.account_id);
}

export async function activeHold(tx: Tx, caseId: string) {
  return tx.legalHold.findFirst({ where: { case_id: caseId, lifted_at: null } });
}

/** Puts the case on hold (one active hold per case: a second one is a 409). */
export async function setHold(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: THoldSet,
): Promise<{ id: string }> {
  const c = await lockCase(tx, user, caseId);
  const current = await activeHold(tx, c.id);
  if (current)
    throw new ConflictError(
      `Case #${c.number} is already on hold since ${current.set_at.toISOString()}`,
      'reason',
    );
  const h = await tx.legalHold.create({
    data: { case_id: c.id, reason: input.reason, set_by: user.id },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.hold_set',
    targetType: 'case',
    targetId: c.id,
    reason: input.reason,
    after: {
      hold_id: h.id.toString(),
      reason: h.reason,
      set_by: h.set_by,
      set_at: h.set_at.toISOString(),
      account_ids: await linkedAccounts(tx, c.id),
    },
  });
  return { id: h.id.toString() };
}

/** Lifts the case's active hold, with a reason; the hold row stays as history. */
export async function liftHold(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: THoldLift,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const h = await activeHold(tx, c.id);
  if (!h) throw new NotFoundError(`Case #${c.number} is not on hold`);
  const lifted = await tx.legalHold.update({
    where: { id: h.id },
    data: { lifted_at: new Date(), lifted_by: user.id, lift_reason: input.reason },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.hold_lift',
    targetType: 'case',
    targetId: c.id,
    reason: input.reason,
    before: {
      hold_id: h.id.toString(),
      reason: h.reason,
      set_by: h.set_by,
      set_at: h.set_at.toISOString(),
      account_ids: await linkedAccounts(tx, c.id),
    },
    after: {
      hold_id: h.id.toString(),
      lift_reason: input.reason,
      lifted_at: lifted.lifted_at!.toISOString(),
    },
  });
}

/** Refuses to unlink an account from a case on hold: that would quietly release its events. */
export async function assertNotHeld(tx: Tx, c: { id: string; number: number }): Promise<void> {
  if (await activeHold(tx, c.id))
    throw new ConflictError(
      `Case #${c.number} is on legal hold: lift the hold before unlinking accounts`,
      'id',
    );
}
