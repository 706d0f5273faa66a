import { withRoute } from '@/lib/api/route';
import { unreadCount } from '@/lib/queries/inbox';

/** The header's unread badge polls this (a count only: cheap, one indexed read). */
export const GET = withRoute({ permission: 'self:view' }, async ({ user }) => ({
  unread: await unreadCount(user),
}));
