import { Suspense } from 'react';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { getAccountFilterOptions } from '@/lib/queries/accounts-list';
import { getFlagThresholds } from '@/lib/queries/flag-thresholds';
import { AccountsDataTable } from '@/components/accounts/accounts-data-table';

export default async function AccountsPage() {
  const user = await requirePage('accounts:view');
  const [options, thresholds] = await Promise.all([
    getAccountFilterOptions().catch(() => ({ signals: [], clusters: [] })),
    getFlagThresholds(),
  ]);
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Scored accounts: risk, reasons, volume, coverage, cluster. Filters live in the URL — bookmark or share a view."
      />
      <Suspense fallback={<Skeleton className="h-[34rem]" />}>
        <AccountsDataTable
          options={options}
          threshold={thresholds.account}
          canOpenCase={can(user, 'cases:write')}
        />
      </Suspense>
    </>
  );
}
