import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { deleteView } from '@/lib/saved-views/saved-views';

export const DELETE = withRoute(
  { permission: 'accounts:view', params: z.object({ id: z.string().uuid() }) },
  async ({ params, user, change }) => {
    await change((tx, audit) => deleteView(tx, audit, user.id, params.id));
    return { ok: true };
  },
);
