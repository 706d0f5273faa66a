import { withRoute } from '@/lib/api/route';
import { ZQueueCreate } from '@/lib/schemas/queue';
import { createQueue, listQueues } from '@/lib/queues/queues';
import { poolDb, txDb } from '@/lib/queues/db';

export const GET = withRoute({ permission: 'queues:manage' }, async () => ({
  queues: await listQueues(poolDb()),
}));

export const POST = withRoute(
  { permission: 'queues:manage', body: ZQueueCreate },
  async ({ body, user, change }) =>
    change((tx, audit) => createQueue(txDb(tx), audit, user.id, body)),
);
