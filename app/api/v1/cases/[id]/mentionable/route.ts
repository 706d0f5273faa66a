import { withRoute } from '@/lib/api/route';
import { mentionableUsers } from '@/lib/queries/case-notes';
import { ZCaseId } from '@/lib/schemas/case';

/** The users a note on this case may @mention (they can open it): the mention picker. */
export const GET = withRoute(
  { permission: 'cases:view', params: ZCaseId },
  async ({ params, user }) => ({ users: await mentionableUsers(user, params.id) }),
);
