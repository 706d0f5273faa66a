import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { createRebuildJob } from '@/lib/evidence/jobs/store';

/**
 * POST: queue a rebuild of an export from its cut-off (same options, same snapshot bounds), as
 * `npm run evidence:build -- --rebuild <id>` does; the server's export worker builds it. The job
 * and its audit row are written in one transaction.
 */
export const POST = withRoute(
  { permission: 'evidence:export', params: z.object({ id: z.string() }) },
  async ({ params, user, change }) => ({
    export: await change((tx, audit) => createRebuildJob(tx, audit, user, params.id)),
  }),
);
