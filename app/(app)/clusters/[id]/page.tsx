import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { OpenCaseButton } from '@/components/cases/open-case-button';
import { getClusterHeader } from '@/lib/queries/cluster-detail';
import { getFlagThresholds } from '@/lib/queries/flag-thresholds';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/charts/panel';
import { ClusterHeader } from '@/components/clusters/cluster-header';
import {
  CoveragePanel,
  IndicatorsPanel,
  MembersPanel,
  TimelinePanel,
} from '@/components/clusters/cluster-panels';

export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('clusters:view');
  const id = decodeURIComponent((await params).id);
  const [header, thresholds] = await Promise.all([getClusterHeader(id), getFlagThresholds()]);
  if (!header) notFound();
  return (
    <>
      <PageHeader
        title={`Cluster ${id}`}
        description="Accounts linked by shared rare indicators: who they are, what links them, how they split the work."
        actions={
          can(user, 'cases:write') ? (
            <OpenCaseButton
              source={{ kind: 'cluster', cluster_id: id }}
              defaultTitle={`Cluster ${id}`}
            />
          ) : undefined
        }
      />
      <ClusterHeader h={header} threshold={thresholds.cluster} />
      <div className="space-y-4">
        <Suspense fallback={<PanelSkeleton title="Combined timeline" h="min-h-72" />}>
          <TimelinePanel id={id} events={header.events} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Partitioned coverage" h="min-h-80" />}>
          <CoveragePanel id={id} />
        </Suspense>
        {/* Full width each: side by side, the members' columns and the indicator matrix were cut. */}
        <Suspense fallback={<PanelSkeleton title="Members" h="min-h-96" />}>
          <MembersPanel id={id} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Shared indicators" h="min-h-96" />}>
          <IndicatorsPanel id={id} />
        </Suspense>
      </div>
    </>
  );
}
