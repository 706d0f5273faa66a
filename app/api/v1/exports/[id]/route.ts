import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { getExportJob } from '@/lib/evidence/jobs/store';

/** GET: one export job (status, progress, package hash); polled by the export panel. */
export const GET = withRoute(
  { permission: 'evidence:export', params: z.object({ id: z.string() }) },
  async ({ params, user }) => ({ export: await getExportJob(user, params.id) }),
);
