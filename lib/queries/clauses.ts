import 'server-only';
import { prisma } from '@/lib/db/client';
import { assertCaseVisible } from './case-notes';

// The ToS clause catalogue (admin page, link picker) and the clause links of one case.

export interface ClauseVersionView {
  id: string;
  version: string;
  text: string;
  effective_from: string;
  /** in force now, superseded by a later version already in force, or not yet in force */
  state: 'in_force' | 'superseded' | 'scheduled';
}

export interface ClauseView {
  id: string;
  code: string;
  title: string;
  versions: ClauseVersionView[];
}

export async function listClauses(now = new Date()): Promise<ClauseView[]> {
  const clauses = await prisma.tosClause.findMany({
    orderBy: { code: 'asc' },
    include: { versions: { orderBy: { effective_from: 'desc' } } },
    take: 1000,
  });
  return clauses.map((c) => {
    const current = c.versions.find((v) => v.effective_from <= now);
    return {
      id: c.id,
      code: c.code,
      title: c.title,
      versions: c.versions.map((v) => ({
        id: v.id,
        version: v.version,
        text: v.text,
        effective_from: v.effective_from.toISOString(),
        state: v.effective_from > now ? 'scheduled' : v === current ? 'in_force' : 'superseded',
      })),
    };
  });
}

export interface CaseClauseLinkView {
  id: string;
  clause_id: string;
  code: string;
  title: string;
  version: string;
  version_text: string;
  effective_from: string;
  account_id: string;
  conduct_from: string;
  conduct_to: string;
  /** the ToS version the account had accepted when linked; null = not recorded in the data */
  accepted_tos_version: string | null;
  /** other versions of the clause that took effect inside the conduct window */
  versions_in_window: string[];
  finding: string;
  linked_by: string;
  linked_at: string;
}

export async function getCaseClauseLinks(
  user: Parameters<typeof assertCaseVisible>[0],
  caseId: string,
): Promise<CaseClauseLinkView[]> {
  await assertCaseVisible(user, caseId);
  const links = await prisma.caseClauseLink.findMany({
    where: { case_id: caseId, removed_at: null },
    orderBy: { linked_at: 'asc' },
    include: { clause: { include: { versions: true } }, version: true },
  });
  return links.map((l) => ({
    id: l.id.toString(),
    clause_id: l.clause_id,
    code: l.clause.code,
    title: l.clause.title,
    version: l.version.version,
    version_text: l.version.text,
    effective_from: l.version.effective_from.toISOString(),
    account_id: l.account_id,
    conduct_from: l.conduct_from.toISOString(),
    conduct_to: l.conduct_to.toISOString(),
    accepted_tos_version: l.accepted_tos_version,
    versions_in_window: l.clause.versions
      .filter((v) => v.id !== l.version.id && v.effective_from > l.conduct_from)
      .filter((v) => v.effective_from <= l.conduct_to)
      .map((v) => v.version),
    finding: l.finding,
    linked_by: l.linked_by,
    linked_at: l.linked_at.toISOString(),
  }));
}
