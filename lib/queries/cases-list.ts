import { prisma } from '@/lib/db/client';
import { caseVisibilityWhere, type SessionUser } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  OPEN_STATUSES,
  type CaseSeverity,
  type CaseStatus,
  type TCaseListQuery,
} from '@/lib/schemas/case';
import { userRefs, type UserRef } from './user-refs';

export interface CaseListRow {
  id: string;
  number: number;
  version: number;
  title: string;
  status: CaseStatus;
  severity: CaseSeverity;
  restricted: boolean;
  assignee: UserRef | null;
  tags: string[];
  accounts: number;
  clusters: number;
  updated_at: string;
}

export interface CaseList {
  rows: CaseListRow[];
  total: number;
  page: number;
  size: number;
}

/** The filter of the cases list; restricted cases the user may not open are never counted. */
export function caseListWhere(user: SessionUser, q: TCaseListQuery): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [caseVisibilityWhere(user)];
  if (q.status === 'open') and.push({ status: { in: [...OPEN_STATUSES] } });
  else if (q.status !== 'all') and.push({ status: q.status });
  if (q.assignee === 'me') and.push({ assignee_id: user.id });
  else if (q.assignee === 'none') and.push({ assignee_id: null });
  else if (q.assignee) and.push({ assignee_id: q.assignee });
  if (q.tag) and.push({ tags: { has: q.tag.toLowerCase() } });
  if (q.q) {
    const n = /^#?(\d{1,9})$/.exec(q.q)?.[1];
    and.push({
      OR: [
        { title: { contains: q.q, mode: 'insensitive' } },
        { accounts: { some: { account_id: q.q } } },
        ...(n ? [{ number: Number(n) }] : []),
      ],
    });
  }
  return { AND: and };
}

/** One page of cases, most recently updated first. */
export async function listCases(user: SessionUser, q: TCaseListQuery): Promise<CaseList> {
  const where = caseListWhere(user, q);
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: [{ updated_at: 'desc' }, { number: 'desc' }],
      skip: (q.page - 1) * q.size,
      take: q.size,
      include: { _count: { select: { accounts: true, clusters: true } } },
    }),
  ]);
  const refs = await userRefs(rows.map((r) => r.assignee_id));
  return {
    total,
    page: q.page,
    size: q.size,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      version: r.version,
      title: r.title,
      status: r.status as CaseStatus,
      severity: r.severity as CaseSeverity,
      restricted: r.restricted,
      assignee: r.assignee_id ? (refs.get(r.assignee_id) ?? null) : null,
      tags: r.tags,
      accounts: r._count.accounts,
      clusters: r._count.clusters,
      updated_at: r.updated_at.toISOString(),
    })),
  };
}
