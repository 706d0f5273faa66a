import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { pgPool } from '@/lib/db/client';
import { listClusters } from '@/lib/detect/read';

const ZQuery = z.object({
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /api/v1/clusters?flagged=true: linked-account clusters with features and shared indicators. */
export const GET = withRoute({ permission: 'clusters:view', query: ZQuery }, async ({ query }) =>
  listClusters(pgPool(), { flagged: query.flagged, page: query.page, pageSize: query.page_size }),
);
