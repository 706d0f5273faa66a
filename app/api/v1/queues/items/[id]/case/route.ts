import { withRoute } from '@/lib/api/route';
import { ZItemIdParam, ZItemOpenCase } from '@/lib/schemas/queue';
import { openCaseFromItem } from '@/lib/queues/open-case';

export const POST = withRoute(
  { permission: 'cases:write', params: ZItemIdParam, body: ZItemOpenCase },
  async ({ params, body, user, change }) =>
    change((tx, audit) => openCaseFromItem(tx, audit, user, params.id, body)),
);
