import { withRoute } from '@/lib/api/route';
import { removeTask, updateTask } from '@/lib/cases/tasks';
import { ZTaskParams, ZTaskUpdate } from '@/lib/schemas/case';

export const PATCH = withRoute(
  { permission: 'cases:write', params: ZTaskParams, body: ZTaskUpdate },
  async ({ params, body, user, change }) => {
    await change((tx, audit) =>
      updateTask(tx, audit, user, params.id, BigInt(params.taskId), body),
    );
    return { ok: true };
  },
);

export const DELETE = withRoute(
  { permission: 'cases:write', params: ZTaskParams },
  async ({ params, user, change }) => {
    await change((tx, audit) => removeTask(tx, audit, user, params.id, BigInt(params.taskId)));
    return { ok: true };
  },
);
