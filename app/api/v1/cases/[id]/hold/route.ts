import { withRoute } from '@/lib/api/route';
import { setHold } from '@/lib/cases/holds';
import { getCaseHolds } from '@/lib/queries/holds';
import { ZCaseId } from '@/lib/schemas/case';
import { ZHoldSet } from '@/lib/schemas/retention';

/** The case's legal holds, newest first (the active one, if any, first). */
export const GET = withRoute(
  { permission: 'cases:view', params: ZCaseId },
  async ({ params, user }) => ({
    holds: await getCaseHolds(user, params.id),
  }),
);

/** Puts the case (and so its linked accounts) on legal hold, with a reason: legal and admins. */
export const POST = withRoute(
  { permission: 'cases:legal', params: ZCaseId, body: ZHoldSet },
  async ({ params, body, user, change }) => ({
    hold: await change((tx, audit) => setHold(tx, audit, user, params.id, body)),
  }),
);
