import { withRoute } from '@/lib/api/route';
import { getQueueSummaries } from '@/lib/queries/queues-summary';
import { visibleQueueIds } from '@/lib/queues/access';
import { poolDb } from '@/lib/queues/db';

export const GET = withRoute({ permission: 'queues:work' }, async ({ user }) => {
  const ids = await visibleQueueIds(poolDb(), user);
  return { queues: await getQueueSummaries(ids, user.id) };
});
