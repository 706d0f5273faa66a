import 'server-only';
import { prisma } from '@/lib/db/client';

export interface RecentAnnotated {
  account_id: string;
  last_at: string;
  annotations: number;
  last_kind: string;
  last_value: string | null;
}

/** The accounts a user annotated most recently (annotations indexed on (author_id, created_at)). */
export async function getRecentAnnotatedAccounts(
  userId: string,
  limit = 8,
): Promise<RecentAnnotated[]> {
  const r = await prisma.$queryRaw<
    Array<{
      account_id: string;
      last_at: Date;
      annotations: number;
      last_kind: string;
      last_value: string | null;
    }>
  >`
    SELECT DISTINCT ON (account_id) account_id, created_at AS last_at, kind AS last_kind, value AS last_value,
           (count(*) OVER (PARTITION BY account_id))::int AS annotations
    FROM (SELECT * FROM annotations WHERE author_id = ${userId} AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 500) a
    ORDER BY account_id, created_at DESC`;
  return r
    .sort((a, b) => b.last_at.getTime() - a.last_at.getTime())
    .slice(0, limit)
    .map((x) => ({ ...x, last_at: x.last_at.toISOString() }));
}
