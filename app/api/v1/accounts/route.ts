import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { pgPool } from '@/lib/db/client';
import { listAccountScores } from '@/lib/detect/read';

const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

const ZQuery = z.object({
  flagged: ZBool.optional(),
  cluster_id: z.string().max(64).optional(),
  min_risk: z.coerce.number().min(0).max(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /api/v1/accounts?flagged=true&page=1&page_size=50: scored accounts, highest risk first. */
export const GET = withRoute({ permission: 'accounts:view', query: ZQuery }, async ({ query }) =>
  listAccountScores(pgPool(), {
    flagged: query.flagged,
    clusterId: query.cluster_id,
    minRisk: query.min_risk,
    page: query.page,
    pageSize: query.page_size,
  }),
);
