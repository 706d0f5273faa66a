import { withRoute } from '@/lib/api/route';
import { ZPasswordChange } from '@/lib/schemas/user';
import { changeOwnPassword } from '@/lib/users/own-password';

// The one API a user whose password must be changed may call (passwordChange).
export const POST = withRoute(
  { permission: 'self:view', passwordChange: true, body: ZPasswordChange },
  async ({ body, user, change }) =>
    change((tx, audit) => changeOwnPassword(tx, audit, user.id, body)),
);
