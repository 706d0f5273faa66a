import { withRoute } from '@/lib/api/route';
import { ZUserCreate } from '@/lib/schemas/user';
import { createUser, listUsers } from '@/lib/users/users';
import { prisma } from '@/lib/db/client';

export const GET = withRoute({ permission: 'users:manage' }, async () => ({
  users: await listUsers(prisma),
}));

export const POST = withRoute(
  { permission: 'users:manage', body: ZUserCreate },
  async ({ body, change }) => ({
    user: await change((tx, audit) => createUser(tx, audit, body)),
  }),
);
