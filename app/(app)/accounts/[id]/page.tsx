import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { getAccountHeader } from '@/lib/queries/account-header';
import { getFlagThresholds } from '@/lib/queries/flag-thresholds';
import { getAccountHolds } from '@/lib/queries/holds';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/charts/panel';
import { RiskHeader } from '@/components/account/risk-header';
import { LinkedPanel, TimelinePanel } from '@/components/account/account-panels';
import { AccountAnnotations } from '@/components/account/account-annotations';
import { ViewerProvider } from '@/components/account/viewer';
import { OpenCaseButton } from '@/components/cases/open-case-button';
import { AccountHolds } from '@/components/account/account-holds';

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('accounts:view');
  const id = decodeURIComponent((await params).id);
  // Every role that may open accounts sees all of them; an unknown id is a 404 like a forbidden one.
  const [header, thresholds, holds] = await Promise.all([
    getAccountHeader(id),
    getFlagThresholds(),
    getAccountHolds(user, id),
  ]);
  if (!header) notFound();
  return (
    <ViewerProvider id={user.id}>
      <PageHeader
        title={`Account ${id}`}
        description="Why it scored, what it did over time, and the queries that prove it."
        actions={
          can(user, 'cases:write') ? (
            <OpenCaseButton
              source={{ kind: 'account', account_id: id }}
              defaultTitle={`Account ${id}`}
            />
          ) : undefined
        }
      />
      <AccountHolds holds={holds} />
      <RiskHeader h={header} threshold={thresholds.account} />
      <div className="space-y-4">
        <Suspense fallback={<PanelSkeleton title="Timelines" h="min-h-[64rem]" />}>
          <TimelinePanel
            account={id}
            events={header.events}
            canAnnotate={can(user, 'annotations:write')}
            canReveal={can(user, 'events:reveal')}
          />
        </Suspense>
        <div className="grid gap-4 lg:grid-cols-2">
          <Suspense fallback={<PanelSkeleton title="Linked accounts" h="min-h-48" />}>
            <LinkedPanel account={id} clusterId={header.cluster_id} />
          </Suspense>
          <AccountAnnotations account={id} />
        </div>
      </div>
    </ViewerProvider>
  );
}
