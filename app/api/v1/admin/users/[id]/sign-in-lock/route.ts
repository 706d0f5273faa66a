import { withRoute } from '@/lib/api/route';
import { ZIdParam } from '@/lib/schemas/user';
import { unlockSignIn } from '@/lib/users/unlock';

// An admin clears a user's sign-in delay (after failed attempts), audited.
export const DELETE = withRoute(
  { permission: 'users:manage', params: ZIdParam },
  async ({ params, change }) => change((tx, audit) => unlockSignIn(tx, audit, params.id)),
);
