import { withRoute } from '@/lib/api/route';
import { endAllSessions } from '@/lib/auth/sessions';

// "Sign out everywhere": every session of the caller ends, this one included.
export const DELETE = withRoute({ permission: 'self:view', passwordChange: true }, async (ctx) =>
  ctx.change((tx, audit) => endAllSessions(tx, audit, ctx.user.id)),
);
