import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { notFound } from '@/lib/api/errors';
import { getAccountPageData } from '@/lib/queries/account-page';

export const GET = withRoute(
  { permission: 'accounts:view', params: z.object({ id: z.string().min(1).max(128) }) },
  async ({ params }) => {
    const data = await getAccountPageData(params.id);
    if (!data) throw notFound('Account not found');
    return data;
  },
);
