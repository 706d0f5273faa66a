import { Suspense } from 'react';
import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { load, Panel, PanelError, PanelSkeleton } from '@/components/charts/panel';
import { listClusters, parseClusterQuery, type TClusterQuery } from '@/lib/queries/clusters-list';
import { ClustersTable } from '@/components/clusters/clusters-table';
import { ClusterFilters } from '@/components/clusters/cluster-filters';

async function ClustersPanel({ query }: { query: TClusterQuery }) {
  const r = await load(() => listClusters(query));
  const params = {
    ...(query.flagged ? { flagged: query.flagged } : {}),
    ...(query.min_members !== undefined ? { min_members: String(query.min_members) } : {}),
  };
  return (
    <Panel title="Clusters" h="min-h-96">
      {r.ok ? (
        <ClustersTable
          rows={r.data}
          sorting={{ current: query, params }}
          empty="No cluster matches. Clusters appear after npm run detect links accounts by shared rare indicators."
        />
      ) : (
        <PanelError error={r.error} />
      )}
    </Panel>
  );
}

export default async function ClustersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePage('clusters:view');
  const { query, hints } = parseClusterQuery(await searchParams);
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Coordinated account clusters linked by shared rare indicators. Filters and sort live in the URL."
      />
      <ClusterFilters query={query} hints={hints} />
      <Suspense fallback={<PanelSkeleton title="Clusters" h="min-h-96" />}>
        <ClustersPanel query={query} />
      </Suspense>
    </>
  );
}
