import { withRoute } from '@/lib/api/route';
import { prismaRunner } from '@/lib/audit/runners';
import { markInbox } from '@/lib/cases/inbox';
import { getInbox } from '@/lib/queries/inbox';
import { ZInboxMark, ZInboxQuery } from '@/lib/schemas/note';

export const GET = withRoute(
  { permission: 'self:view', query: ZInboxQuery },
  async ({ query, user }) => getInbox(user, query),
);

/** `{ ids, read }` marks those entries (the caller's own only); `{ all: true }` marks all read. */
export const PATCH = withRoute(
  { permission: 'self:view', body: ZInboxMark },
  async ({ body, user, change }) =>
    change((tx, audit) => markInbox(prismaRunner(tx), audit, user.id, body)),
);
