import { withRoute } from '@/lib/api/route';
import { ZBulkItems } from '@/lib/schemas/queue';
import { bulkItems } from '@/lib/queues/bulk';
import { txDb } from '@/lib/queues/db';

export const POST = withRoute(
  { permission: 'queues:work', body: ZBulkItems },
  async ({ body, user, change }) => change((tx, audit) => bulkItems(txDb(tx), audit, user, body)),
);
