import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { TCaseLink, TCaseUnlink } from '@/lib/schemas/case';
import { bumpVersion, lockCase, type LockedCase } from './lock';
import { assertNotHeld } from './holds';

/**
 * Links accounts to a case with their risk and reasons as scored now (the score moves with every
 * detection run; the case keeps what the analyst saw). Unknown accounts are refused by name;
 * accounts already linked are skipped. Returns the ids newly linked.
 */
export async function linkAccounts(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  c: Pick<LockedCase, 'id'>,
  accountIds: string[],
): Promise<string[]> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return [];
  const known = await tx.$queryRaw<
    {
      account_id: string;
      risk: number | null;
      reasons: string[] | null;
      cluster_id: string | null;
    }[]
  >`SELECT a.account_id, s.risk, s.reasons, s.cluster_id
      FROM unnest(${ids}::text[]) AS a(account_id)
      LEFT JOIN account_score s ON s.account_id = a.account_id
     WHERE s.account_id IS NOT NULL
        OR EXISTS (SELECT 1 FROM accounts x WHERE x.account_id = a.account_id)`;
  const byId = new Map(known.map((k) => [k.account_id, k]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length)
    throw new NotFoundError(`Account not found: ${missing.slice(0, 5).join(', ')}`);
  const already = new Set(
    (
      await tx.caseAccount.findMany({
        where: { case_id: c.id, account_id: { in: ids } },
        select: { account_id: true },
      })
    ).map((r) => r.account_id),
  );
  const fresh = ids.filter((id) => !already.has(id));
  for (const id of fresh) {
    const k = byId.get(id)!;
    const row = {
      case_id: c.id,
      account_id: id,
      risk_at_link: k.risk,
      reasons_at_link: k.reasons ?? [],
      cluster_id_at_link: k.cluster_id,
      linked_by: user.id,
    };
    await tx.caseAccount.create({ data: row });
    await audit({
      action: 'case.link_account',
      targetType: 'case',
      targetId: c.id,
      after: { account_id: id, risk_at_link: k.risk, reasons_at_link: row.reasons_at_link },
    });
  }
  return fresh;
}

/** Links clusters (risk, reasons and member count as now); unknown clusters are refused. */
export async function linkClusters(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  c: Pick<LockedCase, 'id'>,
  clusterIds: string[],
): Promise<string[]> {
  const ids = [...new Set(clusterIds)];
  if (ids.length === 0) return [];
  const known = await tx.cluster.findMany({ where: { id: { in: ids } } });
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length) throw new NotFoundError(`Cluster not found: ${missing.join(', ')}`);
  const already = new Set(
    (await tx.caseCluster.findMany({ where: { case_id: c.id, cluster_id: { in: ids } } })).map(
      (r) => r.cluster_id,
    ),
  );
  const fresh = known.filter((k) => !already.has(k.id));
  for (const k of fresh) {
    await tx.caseCluster.create({
      data: {
        case_id: c.id,
        cluster_id: k.id,
        risk_at_link: k.risk,
        reasons_at_link: k.reasons,
        members_at_link: k.members,
        linked_by: user.id,
      },
    });
    await audit({
      action: 'case.link_cluster',
      targetType: 'case',
      targetId: c.id,
      after: { cluster_id: k.id, risk_at_link: k.risk, members_at_link: k.members },
    });
  }
  return fresh.map((k) => k.id);
}

/** Route entry: link accounts and clusters to a case (a new version: closing must cover them). */
export async function addCaseLinks(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: TCaseLink,
): Promise<{ version: number; accounts: string[]; clusters: string[] }> {
  const c = await lockCase(tx, user, caseId, input.version);
  if (c.status === 'closed') throw new ValidationError('Reopen the case before linking', 'status');
  const accounts = await linkAccounts(tx, audit, user, c, input.account_ids);
  const clusters = await linkClusters(tx, audit, user, c, input.cluster_ids);
  const version = await bumpVersion(tx, c);
  return { version, accounts, clusters };
}

export async function removeCaseLink(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  input: TCaseUnlink,
): Promise<{ version: number }> {
  const c = await lockCase(tx, user, caseId, input.version);
  if (c.status === 'closed')
    throw new ValidationError('Reopen the case before unlinking', 'status');
  if (input.kind === 'account') await assertNotHeld(tx, c);
  const where = {
    case_id: c.id,
    [input.kind === 'account' ? 'account_id' : 'cluster_id']: input.id,
  };
  const n =
    input.kind === 'account'
      ? await tx.caseAccount.deleteMany({ where: { case_id: c.id, account_id: input.id } })
      : await tx.caseCluster.deleteMany({ where: { case_id: c.id, cluster_id: input.id } });
  if (n.count === 0) throw new NotFoundError(`${input.kind} ${input.id} is not linked`);
  await audit({
    action: input.kind === 'account' ? 'case.unlink_account' : 'case.unlink_cluster',
    targetType: 'case',
    targetId: c.id,
    before: where,
  });
  return { version: await bumpVersion(tx, c) };
}
