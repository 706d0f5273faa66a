import 'server-only';
import { prisma } from '@/lib/db/client';
import { caseVisibilityWhere, type SessionUser } from '@/lib/auth/permissions';
import { assertCaseVisible } from './case-notes';
import { userRefs, type UserRef } from './user-refs';

// Legal holds as the case page (all of a case's holds, newest first), the account page (the
// active holds on an account) and the admin retention page (every active hold) read them.

export interface CaseHoldView {
  id: string;
  active: boolean;
  reason: string;
  set_by: UserRef;
  set_at: string;
  lifted_by: UserRef | null;
  lifted_at: string | null;
  lift_reason: string | null;
  /** the accounts it holds: the case's linked accounts (now, or at the lift for lifted holds) */
  account_ids: string[];
}

const ref = (refs: Map<string, UserRef>, id: string): UserRef =>
  refs.get(id) ?? { id, name: id, email: '' };

export async function getCaseHolds(user: SessionUser, caseId: string): Promise<CaseHoldView[]> {
  await assertCaseVisible(user, caseId);
  const [holds, linked] = await Promise.all([
    prisma.legalHold.findMany({ where: { case_id: caseId }, orderBy: { id: 'desc' }, take: 100 }),
    prisma.caseAccount.findMany({
      where: { case_id: caseId },
      select: { account_id: true },
      orderBy: { account_id: 'asc' },
    }),
  ]);
  const refs = await userRefs(holds.flatMap((h) => [h.set_by, h.lifted_by]));
  return holds.map((h) => ({
    id: h.id.toString(),
    active: h.lifted_at === null,
    reason: h.reason,
    set_by: ref(refs, h.set_by),
    set_at: h.set_at.toISOString(),
    lifted_by: h.lifted_by ? ref(refs, h.lifted_by) : null,
    lifted_at: h.lifted_at?.toISOString() ?? null,
    lift_reason: h.lift_reason,
    account_ids: linked.map((l) => l.account_id),
  }));
}

export interface AccountHoldView {
  case_id: string;
  /** the viewer may open the case; otherwise only the fact of the hold is shown (restricted) */
  visible: boolean;
  case_number: number | null;
  reason: string | null;
  set_at: string;
}

/** The active holds on an account (through the cases it is linked to). */
export async function getAccountHolds(
  user: SessionUser,
  accountId: string,
): Promise<AccountHoldView[]> {
  const holds = await prisma.$queryRaw<
    { case_id: string; number: number; reason: string; set_at: Date }[]
  >`SELECT h.case_id::text, c.number, h.reason, h.set_at
      FROM legal_holds h
      JOIN case_accounts ca ON ca.case_id = h.case_id AND ca.account_id = ${accountId}
      JOIN cases c ON c.id = h.case_id
     WHERE h.lifted_at IS NULL
     ORDER BY h.set_at`;
  if (holds.length === 0) return [];
  const visible = new Set(
    (
      await prisma.case.findMany({
        where: { id: { in: holds.map((h) => h.case_id) }, ...caseVisibilityWhere(user) },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return holds.map((h) => {
    const v = visible.has(h.case_id);
    return {
      case_id: v ? h.case_id : '',
      visible: v,
      case_number: v ? h.number : null,
      reason: v ? h.reason : null,
      set_at: h.set_at.toISOString(),
    };
  });
}

export interface ActiveHoldRow {
  case_id: string;
  case_number: number;
  case_title: string;
  reason: string;
  set_at: string;
  accounts: number;
}

/** Every active hold, for the admin retention page (admins see every case). */
export async function listActiveHolds(): Promise<ActiveHoldRow[]> {
  const rows = await prisma.$queryRaw<
    { case_id: string; number: number; title: string; reason: string; set_at: Date; n: bigint }[]
  >`SELECT h.case_id::text, c.number, c.title, h.reason, h.set_at,
           (SELECT count(*) FROM case_accounts ca WHERE ca.case_id = h.case_id) AS n
      FROM legal_holds h JOIN cases c ON c.id = h.case_id
     WHERE h.lifted_at IS NULL
     ORDER BY h.set_at DESC
     LIMIT 500`;
  return rows.map((r) => ({
    case_id: r.case_id,
    case_number: r.number,
    case_title: r.title,
    reason: r.reason,
    set_at: r.set_at.toISOString(),
    accounts: Number(r.n),
  }));
}
