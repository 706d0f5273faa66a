import { Suspense } from 'react';
import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { PanelSkeleton } from '@/components/charts/panel';
import {
  FlagsPerRunPanel,
  QueueCountsPanel,
  RecentAnnotationsPanel,
  TopClustersPanel,
} from '@/components/overview/overview-panels';
import { OverviewQueues } from '@/components/queues/overview-queues';

export default async function OverviewPage() {
  const user = await requirePage('overview:view');
  return (
    <>
      <PageHeader
        title="Overview"
        description="Flags awaiting review, new flags by detection run, the riskiest clusters and your recent work."
      />
      <div className="space-y-4">
        <Suspense fallback={<Skeleton className="h-24" />}>
          <QueueCountsPanel />
        </Suspense>
        <div className="grid gap-4 lg:grid-cols-2">
          <Suspense fallback={<PanelSkeleton title="New flags by detection run" h="min-h-72" />}>
            <FlagsPerRunPanel />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="Top clusters by risk" h="min-h-72" />}>
            <TopClustersPanel />
          </Suspense>
        </div>
        <OverviewQueues user={user} />
        <Suspense fallback={<PanelSkeleton title="My recent annotations" h="min-h-72" />}>
          <RecentAnnotationsPanel userId={user.id} />
        </Suspense>
      </div>
    </>
  );
}
