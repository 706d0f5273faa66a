import { withRoute } from '@/lib/api/route';
import { ZItemAction, ZItemIdParam } from '@/lib/schemas/queue';
import { actOnItem, getItem } from '@/lib/queues/item-actions';
import { poolDb, txDb } from '@/lib/queues/db';

export const GET = withRoute(
  { permission: 'queues:work', params: ZItemIdParam },
  async ({ params, user }) => ({
    item: await getItem(poolDb(), user, params.id),
  }),
);

export const POST = withRoute(
  { permission: 'queues:work', params: ZItemIdParam, body: ZItemAction },
  async ({ params, body, user, change }) => ({
    item: await change((tx, audit) => actOnItem(txDb(tx), audit, user, params.id, body)),
  }),
);
