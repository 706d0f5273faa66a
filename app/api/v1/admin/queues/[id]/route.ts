import { withRoute } from '@/lib/api/route';
import { ZQueueArchive, ZQueueIdParam, ZQueueUpdate } from '@/lib/schemas/queue';
import { archiveQueue, getQueue, updateQueue } from '@/lib/queues/queues';
import { poolDb, txDb } from '@/lib/queues/db';

export const GET = withRoute(
  { permission: 'queues:manage', params: ZQueueIdParam },
  async ({ params }) => ({
    queue: await getQueue(poolDb(), params.id),
  }),
);

export const PATCH = withRoute(
  { permission: 'queues:manage', params: ZQueueIdParam, body: ZQueueUpdate },
  async ({ params, body, change }) => ({
    queue: await change((tx, audit) => updateQueue(txDb(tx), audit, params.id, body)),
  }),
);

export const DELETE = withRoute(
  { permission: 'queues:manage', params: ZQueueIdParam, body: ZQueueArchive },
  async ({ params, body, change }) => {
    await change((tx, audit) => archiveQueue(txDb(tx), audit, params.id, body.reason ?? null));
    return { ok: true };
  },
);
