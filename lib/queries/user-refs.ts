import { prisma } from '@/lib/db/client';

/** A user as other read models show them (never the role or the password hash). */
export interface UserRef {
  id: string;
  name: string;
  email: string;
}

/** Names and emails of the given user ids (nulls and repeats ignored), by id. */
export async function userRefs(ids: (string | null)[]): Promise<Map<string, UserRef>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (want.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: want } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u]));
}

/** Active users who can be assigned to or watch a case (the assignee and watcher pickers). */
export async function listCaseUsers(): Promise<UserRef[]> {
  return prisma.user.findMany({
    where: { disabled: false },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
    take: 500,
  });
}
