import { withRoute } from '@/lib/api/route';
import { endAllSessions } from '@/lib/auth/sessions';
import { ZIdParam } from '@/lib/schemas/user';

// An admin ends every session of a user (a lost laptop, a suspected stolen cookie).
export const DELETE = withRoute(
  { permission: 'users:manage', params: ZIdParam },
  async ({ params, change }) => change((tx, audit) => endAllSessions(tx, audit, params.id)),
);
