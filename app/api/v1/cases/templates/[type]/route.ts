import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { deleteCaseTemplate } from '@/lib/cases/templates';

export const DELETE = withRoute(
  { permission: 'cases:manage', params: z.object({ type: z.string().min(1).max(60) }) },
  async ({ params, change }) => {
    await change((tx, audit) => deleteCaseTemplate(tx, audit, params.type));
    return { ok: true };
  },
);
