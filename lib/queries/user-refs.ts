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
