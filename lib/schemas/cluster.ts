import { z } from 'zod';

/** Query of GET /api/v1/clusters. `page` is bounded: a huge OFFSET is a cheap way to load the database. */
export const ZClusterListQuery = z.object({
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});
