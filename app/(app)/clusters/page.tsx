import { Suspense } from 'react';
import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { load, Panel, PanelError, PanelSkeleton } from '@/components/charts/panel';
import { listTopClusters } from '@/lib/queries/cluster-detail';
import { ClustersTable } from '@/components/clusters/clusters-table';

async function ClustersPanel() {
  const r = await load(() => listTopClusters(200));
  return (
    <Panel title="Clusters by risk" h="min-h-96">
      {r.ok ? (
        <ClustersTable
          rows={r.data}
          empty="No clusters yet: they appear after npm run detect links accounts by shared rare indicators."
        />
      ) : (
        <PanelError error={r.error} />
      )}
    </Panel>
  );
}

export default async function ClustersPage() {
  await requirePage('clusters:view');
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Coordinated account clusters linked by shared rare indicators."
      />
      <Suspense fallback={<PanelSkeleton title="Clusters by risk" h="min-h-96" />}>
        <ClustersPanel />
      </Suspense>
    </>
  );
}
