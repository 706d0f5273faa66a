import { withRoute } from '@/lib/api/route';
import { addTask } from '@/lib/cases/tasks';
import { ZCaseId, ZTaskCreate } from '@/lib/schemas/case';

export const POST = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZTaskCreate },
  async ({ params, body, user, change }) => ({
    task: await change((tx, audit) => addTask(tx, audit, user, params.id, body.title)),
  }),
);
