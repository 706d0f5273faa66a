import { withRoute } from '@/lib/api/route';
import { ZIdParam, ZUserUpdate } from '@/lib/schemas/user';
import { updateUser } from '@/lib/users/users';

export const PATCH = withRoute(
  { permission: 'users:manage', params: ZIdParam, body: ZUserUpdate },
  async ({ params, body, user, change }) => ({
    user: await change((tx, audit) => updateUser(tx, audit, user.id, params.id, body)),
  }),
);
