import { withRoute } from '@/lib/api/route';
import { ZClaimNext } from '@/lib/schemas/queue';
import { claimNext } from '@/lib/queues/claim';
import { txDb } from '@/lib/queues/db';

export const POST = withRoute(
  { permission: 'queues:work', body: ZClaimNext },
  async ({ body, user, change }) => change((tx, audit) => claimNext(txDb(tx), audit, user, body)),
);
