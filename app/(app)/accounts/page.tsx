import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader, EmptyState } from '@/components/ui/page-header';

export default async function AccountsPage() {
  await requirePage('accounts:view');
  return (
    <>
      <PageHeader title="Accounts" description="Scored accounts: risk, reasons, volume, coverage, cluster." />
      <EmptyState title="Nothing here yet">
        This page fills once query logs are ingested (<code>npm run ingest -- events &lt;file&gt;</code>) and detection has run
        (<code>npm run detect</code>). On the embedded demo database, <code>npm start</code> loads demo traffic.
      </EmptyState>
    </>
  );
}
