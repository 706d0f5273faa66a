import Link from 'next/link';
import { load, Panel, PanelEmpty, PanelError } from '@/components/charts/panel';
import { getFlagsPerRun, getQueueCounts } from '@/lib/queries/overview';
import { listTopClusters } from '@/lib/queries/cluster-detail';
import { getRecentAnnotatedAccounts } from '@/lib/annotations/recent';
import { ClustersTable } from '@/components/clusters/clusters-table';
import { FlagsChart } from './flags-chart';

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link
      href={href}
      className="rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400"
    >
      <div className="text-2xl font-semibold tabular-nums">{value.toLocaleString('en')}</div>
      <div className="text-sm text-slate-600">{label}</div>
    </Link>
  );
}

export async function QueueCountsPanel() {
  const r = await load(getQueueCounts);
  if (!r.ok)
    return (
      <div className="h-24">
        <PanelError error={r.error} />
      </div>
    );
  const c = r.data;
  return (
    <div className="grid h-24 grid-cols-2 gap-3 md:grid-cols-4" aria-label="Queue counts">
      <Stat label="Accounts awaiting review" value={c.accounts_open} href="/accounts?status=open" />
      <Stat label="Clusters awaiting review" value={c.clusters_open} href="/clusters" />
      <Stat label="Accounts flagged" value={c.accounts_flagged} href="/accounts?flagged=true" />
      <Stat label="Accounts scored" value={c.scored} href="/accounts" />
    </div>
  );
}

export async function FlagsPerRunPanel() {
  const r = await load(() => getFlagsPerRun(30));
  const total = r.ok ? r.data.reduce((a, d) => a + d.account + d.cluster, 0) : 0;
  const runs = r.ok ? r.data.length : 0;
  return (
    <Panel
      title="New flags by detection run"
      subtitle={`Flags each run raised for the first time, last ${runs} run${runs === 1 ? '' : 's'} (UTC); a flag an earlier run raised is not counted again`}
      h="min-h-72"
      testId="flags-per-run"
    >
      {!r.ok ? (
        <PanelError error={r.error} />
      ) : total === 0 ? (
        <PanelEmpty>No detection run has raised a flag yet.</PanelEmpty>
      ) : (
        <FlagsChart data={r.data} />
      )}
    </Panel>
  );
}

export async function TopClustersPanel() {
  const r = await load(() => listTopClusters(8));
  return (
    <Panel
      title="Top clusters by risk"
      h="min-h-72"
      actions={
        <Link className="text-sm text-blue-700" href="/clusters">
          All clusters →
        </Link>
      }
    >
      {r.ok ? (
        <ClustersTable rows={r.data} empty="No clusters detected yet." />
      ) : (
        <PanelError error={r.error} />
      )}
    </Panel>
  );
}

export async function RecentAnnotationsPanel({ userId }: { userId: string }) {
  const r = await load(() => getRecentAnnotatedAccounts(userId));
  return (
    <Panel
      title="My recent annotations"
      subtitle="Accounts you starred, tagged or commented on"
      h="min-h-72"
      testId="recent-annotations"
    >
      {!r.ok ? (
        <PanelError error={r.error} />
      ) : r.data.length === 0 ? (
        <PanelEmpty>Nothing annotated yet.</PanelEmpty>
      ) : (
        <ul className="space-y-1 text-sm">
          {r.data.map((a) => (
            <li key={a.account_id} className="flex justify-between gap-2">
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={`/accounts/${encodeURIComponent(a.account_id)}`}
              >
                {a.account_id}
              </Link>
              <span className="truncate text-xs text-slate-600">
                {a.annotations} · last {a.last_kind}
                {a.last_value ? ` “${a.last_value.slice(0, 40)}”` : ''} ·{' '}
                {a.last_at.slice(0, 16).replace('T', ' ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
