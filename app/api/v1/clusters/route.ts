import { withRoute } from '@/lib/api/route';
import { pgPool } from '@/lib/db/client';
import { listClusters } from '@/lib/detect/read';
import { ZClusterListQuery } from '@/lib/schemas/cluster';

/** GET /api/v1/clusters?flagged=true: linked-account clusters with features and shared indicators. */
export const GET = withRoute(
  { permission: 'clusters:view', query: ZClusterListQuery },
  async ({ query }) =>
    listClusters(pgPool(), { flagged: query.flagged, page: query.page, pageSize: query.page_size }),
);
