import { withRoute } from '@/lib/api/route';
import { ZItemListQuery } from '@/lib/schemas/queue';
import { listQueueItems } from '@/lib/queries/queue-items';
import { visibleQueueIds } from '@/lib/queues/access';
import { poolDb } from '@/lib/queues/db';

export const GET = withRoute(
  { permission: 'queues:work', query: ZItemListQuery },
  async ({ query, user }) => {
    const ids = await visibleQueueIds(poolDb(), user);
    return listQueueItems(ids, query, user.id);
  },
);
