import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { notFound } from '@/lib/api/errors';
import { getClusterPageData } from '@/lib/queries/cluster-page';

export const GET = withRoute(
  { permission: 'clusters:view', params: z.object({ id: z.string().min(1).max(128) }) },
  async ({ params }) => {
    const data = await getClusterPageData(params.id);
    if (!data) throw notFound('Cluster not found');
    return data;
  },
);
