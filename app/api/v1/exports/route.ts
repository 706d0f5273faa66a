import { withRoute } from '@/lib/api/route';
import { listExportJobs } from '@/lib/evidence/jobs/store';

/** GET: the latest export jobs over every case the caller may see. */
export const GET = withRoute({ permission: 'evidence:export' }, async ({ user }) => ({
  exports: await listExportJobs(user),
}));
