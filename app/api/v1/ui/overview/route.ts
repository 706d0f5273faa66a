import { withRoute } from '@/lib/api/route';
import { getFlagsPerDay, getQueueCounts } from '@/lib/queries/overview';
import { listTopClusters } from '@/lib/queries/cluster-detail';
import { getRecentAnnotatedAccounts } from '@/lib/annotations/recent';

export const GET = withRoute({ permission: 'overview:view' }, async ({ user }) => {
  const [counts, flagsPerDay, topClusters, recent] = await Promise.all([
    getQueueCounts(),
    getFlagsPerDay(),
    listTopClusters(),
    getRecentAnnotatedAccounts(user.id),
  ]);
  return { counts, flagsPerDay, topClusters, recent };
});
