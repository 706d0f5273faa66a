import { Suspense } from 'react';
import { PanelSkeleton } from '@/components/charts/panel';
import { can, type SessionUser } from '@/lib/auth/permissions';
import { QueueHealthPanel, TeamMetricsPanel } from './overview-queue-panels';

/** The Overview's queue panels: queue health for everyone, team metrics for admins. */
export function OverviewQueues({ user }: { user: SessionUser }) {
  return (
    <>
      <Suspense fallback={<PanelSkeleton title="Review queues" h="min-h-40" />}>
        <QueueHealthPanel userId={user.id} />
      </Suspense>
      {can(user, 'queues:manage') && (
        <Suspense fallback={<PanelSkeleton title="Team metrics" h="min-h-96" />}>
          <TeamMetricsPanel />
        </Suspense>
      )}
    </>
  );
}
