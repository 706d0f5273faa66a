import { withRoute } from '@/lib/api/route';
import { liftHold } from '@/lib/cases/holds';
import { ZCaseId } from '@/lib/schemas/case';
import { ZHoldLift } from '@/lib/schemas/retention';

/** Lifts the case's active legal hold, with a reason: legal and admins. */
export const POST = withRoute(
  { permission: 'cases:legal', params: ZCaseId, body: ZHoldLift },
  async ({ params, body, user, change }) => {
    await change((tx, audit) => liftHold(tx, audit, user, params.id, body));
    return { ok: true };
  },
);
