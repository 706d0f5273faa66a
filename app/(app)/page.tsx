import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader, EmptyState } from '@/components/ui/page-header';

export default async function OverviewPage() {
  await requirePage('overview:view');
  return (
    <>
      <PageHeader title="Overview" description="Flags awaiting review, new flags per day and the riskiest clusters." />
      <EmptyState title="No detection results yet">
        Load query logs with <code>npm run ingest -- events &lt;file&gt;</code>, then run <code>npm run detect</code>.
        Flagged accounts and clusters appear here.
      </EmptyState>
    </>
  );
}
