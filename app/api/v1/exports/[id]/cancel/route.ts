import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { cancelExportJob } from '@/lib/evidence/jobs/store';

/** POST: cancel a queued job, or ask a running one to stop (its partial file is removed). */
export const POST = withRoute(
  { permission: 'evidence:export', params: z.object({ id: z.string() }) },
  async ({ params, user, change }) => ({
    export: await change((tx, audit) => cancelExportJob(tx, audit, user, params.id)),
  }),
);
