import { load, Panel, PanelEmpty, PanelError } from '@/components/charts/panel';
import { getClusterMembers } from '@/lib/queries/cluster-detail';
import { getClusterIndicators } from '@/lib/queries/cluster-indicators';
import { getPartitionedCoverage } from '@/lib/queries/cluster-coverage';
import { getClusterTimeline } from '@/lib/queries/cluster-page';
import { MembersTable } from './members-table';
import { IndicatorMatrix } from './indicator-matrix';
import { CombinedTimeline, PartitionedCoverageChart } from './cluster-charts';

// Async server panels of the cluster page, each in its own <Suspense> on the page.
export async function MembersPanel({ id }: { id: string }) {
  const r = await load(() => getClusterMembers(id));
  return (
    <Panel
      title="Members"
      subtitle="Highest own risk first: each member's own evidence, beside the risk it shows with the cluster"
      h="min-h-96"
      testId="members"
    >
      {r.ok ? <MembersTable rows={r.data} /> : <PanelError error={r.error} />}
    </Panel>
  );
}

export async function IndicatorsPanel({ id }: { id: string }) {
  const r = await load(() => getClusterIndicators(id));
  return (
    <Panel
      title="Shared indicators"
      subtitle="Which members share what (top 30 indicators × 40 members)"
      h="min-h-96"
      testId="indicators"
    >
      {r.ok ? <IndicatorMatrix m={r.data} /> : <PanelError error={r.error} />}
    </Panel>
  );
}

export async function CoveragePanel({ id }: { id: string }) {
  const r = await load(() => getPartitionedCoverage(id));
  return (
    <Panel
      title="Partitioned coverage"
      subtitle={
        r.ok && r.data.points.length > 0 ? (
          <>
            Fine prompt buckets, each credited to the member that reached it first, over the
            cluster&apos;s whole active range: a hydra splitting one sweep shows many thin bands.
            Taxonomy: {r.data.taxCovered} of {r.data.taxTotal} buckets
            {r.data.taxFullDay ? `, the last reached ${r.data.taxFullDay}` : ''}.
          </>
        ) : (
          'Fine prompt buckets, each credited to the member that reached it first'
        )
      }
      h="min-h-80"
      testId="partitioned-coverage"
    >
      {!r.ok ? (
        <PanelError error={r.error} />
      ) : r.data.points.length === 0 ? (
        <PanelEmpty>No coverage rolled up for these members.</PanelEmpty>
      ) : (
        <PartitionedCoverageChart data={r.data} />
      )}
    </Panel>
  );
}

export async function TimelinePanel({ id, events }: { id: string; events: number }) {
  const r = await load(() => getClusterTimeline(id, events));
  return (
    <Panel
      title="Combined timeline"
      subtitle="All members summed per day"
      h="min-h-72"
      testId="combined-timeline"
    >
      {!r.ok ? (
        <PanelError error={r.error} />
      ) : r.data.points.length === 0 ? (
        <PanelEmpty>No traffic rolled up for these members.</PanelEmpty>
      ) : (
        <CombinedTimeline points={r.data.points} />
      )}
    </Panel>
  );
}
