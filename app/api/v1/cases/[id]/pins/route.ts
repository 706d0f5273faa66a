import { withRoute } from '@/lib/api/route';
import { pinEvidence } from '@/lib/cases/pins';
import { ZCaseId, ZCasePin } from '@/lib/schemas/case';

export const POST = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZCasePin },
  async ({ params, body, user, change }) => ({
    pin: await change((tx, audit) => pinEvidence(tx, audit, user, params.id, body)),
  }),
);
