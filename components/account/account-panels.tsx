import Link from 'next/link';
import { load, Panel, PanelError } from '@/components/charts/panel';
import { getAccountSeries } from '@/lib/queries/account-series';
import { getHourOfWeek } from '@/lib/queries/hour-of-week';
import { getLinkedAccounts } from '@/lib/queries/linked-accounts';
import { AccountWorkspace } from './account-workspace';
import { LinkedAccountsTable } from './linked-accounts';

// Async server panels of the account page; each sits in its own <Suspense> on the page.
export async function TimelinePanel({
  account,
  events,
  canAnnotate,
  canReveal,
}: {
  account: string;
  events: number;
  canAnnotate: boolean;
  canReveal: boolean;
}) {
  const r = await load(() =>
    Promise.all([getAccountSeries(account, events), getHourOfWeek([account])]),
  );
  return (
    <Panel
      title="Timelines"
      subtitle="Daily rollups on one time axis; the brushed window drives the event list"
      h="min-h-[64rem]"
      testId="timelines"
    >
      {r.ok ? (
        <AccountWorkspace
          account={account}
          series={r.data[0]}
          hourOfWeek={r.data[1]}
          canAnnotate={canAnnotate}
          canReveal={canReveal}
        />
      ) : (
        <PanelError error={r.error} />
      )}
    </Panel>
  );
}

export async function LinkedPanel({
  account,
  clusterId,
}: {
  account: string;
  clusterId: string | null;
}) {
  const r = await load(() => getLinkedAccounts(account));
  return (
    <Panel
      title="Linked accounts"
      subtitle="Sharing rare indicators (payment, /24, user agent, key, domain…)"
      h="min-h-48"
      actions={
        clusterId ? (
          <Link
            className="text-sm text-blue-700"
            href={`/clusters/${encodeURIComponent(clusterId)}`}
          >
            Open cluster {clusterId} →
          </Link>
        ) : undefined
      }
    >
      {r.ok ? <LinkedAccountsTable rows={r.data} /> : <PanelError error={r.error} />}
    </Panel>
  );
}
