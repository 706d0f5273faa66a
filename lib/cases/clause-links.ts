import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { TClauseLinkCreate } from '@/lib/schemas/clause';
import { lockCase, touchCase } from './lock';

// A finding on a case: a linked account's conduct breaks a ToS clause. The server picks the
// clause version: the one in force at the end of the account's activity window (its last event
// in the rollups), i.e. the terms that governed the conduct when it last happened. The window and
// the ToS version the account had accepted are copied onto the link, so the finding reads the
// same after later ingests, purges or catalogue changes.

export interface ConductWindow {
  from: Date;
  to: Date;
}

/** The account's activity window from its daily rollups (kept when raw events are purged). */
export async function conductWindow(tx: Tx, accountId: string): Promise<ConductWindow | null> {
  const r = await tx.$queryRaw<{ from: Date | null; to: Date | null }[]>`
    SELECT min(first_ts) AS "from", max(last_ts) AS "to" FROM account_daily
     WHERE account_id = ${accountId}`;
  const w = r[0];
  return w?.from && w.to ? { from: w.from, to: w.to } : null;
}

/** The clause's version in force at `at`: the latest whose effective date is not after it. */
export async function versionInForce(tx: Tx, clauseId: string, at: Date) {
  return tx.tosClauseVersion.findFirst({
    where: { clause_id: clauseId, effective_from: { lte: at } },
    orderBy: { effective_from: 'desc' },
  });
}

export async function linkClause(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: TClauseLinkCreate,
): Promise<{ id: string; version: string }> {
  const c = await lockCase(tx, user, caseId);
  const clause = await tx.tosClause.findUnique({ where: { id: input.clause_id } });
  if (!clause) throw new ValidationError('No such clause', 'clause_id');
  const linked = await tx.caseAccount.findUnique({
    where: { case_id_account_id: { case_id: c.id, account_id: input.account_id } },
  });
  if (!linked)
    throw new ValidationError(
      `Account ${input.account_id} is not linked to this case`,
      'account_id',
    );
  const dup = await tx.caseClauseLink.findFirst({
    where: { case_id: c.id, clause_id: clause.id, account_id: input.account_id, removed_at: null },
  });
  if (dup)
    throw new ConflictError(
      `Clause ${clause.code} is already linked for account ${input.account_id}`,
      'clause_id',
    );
  const w = await conductWindow(tx, input.account_id);
  if (!w)
    throw new ValidationError(
      `Account ${input.account_id} has no recorded activity, so no conduct time to judge`,
      'account_id',
    );
  const v = await versionInForce(tx, clause.id, w.to);
  if (!v)
    throw new ValidationError(
      `Clause ${clause.code} had no version in force at ${w.to.toISOString()} (the account's ` +
        'last activity)',
      'clause_id',
    );
  const account = await tx.account.findUnique({
    where: { account_id: input.account_id },
    select: { tos_version: true },
  });
  const link = await tx.caseClauseLink.create({
    data: {
      case_id: c.id,
      clause_id: clause.id,
      clause_version_id: v.id,
      account_id: input.account_id,
      conduct_from: w.from,
      conduct_to: w.to,
      accepted_tos_version: account?.tos_version ?? null,
      finding: input.finding,
      linked_by: user.id,
    },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.clause_link',
    targetType: 'case',
    targetId: c.id,
    after: {
      link_id: link.id.toString(),
      clause_id: clause.id,
      code: clause.code,
      version_id: v.id,
      version: v.version,
      effective_from: v.effective_from.toISOString(),
      account_id: input.account_id,
      conduct_from: w.from.toISOString(),
      conduct_to: w.to.toISOString(),
      accepted_tos_version: link.accepted_tos_version,
      finding: input.finding,
    },
  });
  return { id: link.id.toString(), version: v.version };
}

/** Removes a clause link (soft: removed_at), audited with what it said. */
export async function unlinkClause(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  linkId: bigint,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const l = await tx.caseClauseLink.findFirst({
    where: { id: linkId, case_id: c.id, removed_at: null },
    include: { clause: true, version: true },
  });
  if (!l) throw new NotFoundError('Clause link not found');
  await tx.caseClauseLink.update({
    where: { id: l.id },
    data: { removed_at: new Date(), removed_by: user.id },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.clause_unlink',
    targetType: 'case',
    targetId: c.id,
    before: {
      link_id: l.id.toString(),
      clause_id: l.clause_id,
      code: l.clause.code,
      version_id: l.clause_version_id,
      version: l.version.version,
      effective_from: l.version.effective_from.toISOString(),
      account_id: l.account_id,
      conduct_from: l.conduct_from.toISOString(),
      conduct_to: l.conduct_to.toISOString(),
      accepted_tos_version: l.accepted_tos_version,
      finding: l.finding,
    },
  });
}
