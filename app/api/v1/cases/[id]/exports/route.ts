import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { ZExportOptions } from '@/lib/schemas/export';
import { createExportJob, listExportJobs } from '@/lib/evidence/jobs/store';

const ZParams = z.object({ id: z.string().uuid() });

/** GET: the case's export jobs, newest first. */
export const GET = withRoute(
  { permission: 'evidence:export', params: ZParams },
  async ({ params, user }) => ({ exports: await listExportJobs(user, { caseId: params.id }) }),
);

/** POST: queue a package build of the case (audited on the case). */
export const POST = withRoute(
  { permission: 'evidence:export', params: ZParams, body: ZExportOptions },
  async ({ params, body, user, change }) => ({
    export: await change((tx, audit) => createExportJob(tx, audit, user, params.id, body)),
  }),
);
