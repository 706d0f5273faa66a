import { withRoute } from '@/lib/api/route';
import { listAccountEvents, ZEventWindow } from '@/lib/queries/account-events';

// Events of one account in a window, redacted. Unredacted text only via POST /events/reveal (audited).
export const GET = withRoute(
  { permission: 'accounts:view', query: ZEventWindow },
  async ({ query }) => listAccountEvents(query),
);
