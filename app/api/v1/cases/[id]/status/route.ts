import { withRoute } from '@/lib/api/route';
import { changeCaseStatus } from '@/lib/cases/status';
import { ZCaseId, ZCaseStatusChange } from '@/lib/schemas/case';

export const POST = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZCaseStatusChange },
  async ({ params, body, user, change }) =>
    change((tx, audit) => changeCaseStatus(tx, audit, user, params.id, body)),
);
