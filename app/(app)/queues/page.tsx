import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader, EmptyState } from '@/components/ui/page-header';

export default async function QueuesPage() {
  await requirePage('queues:work');
  return (
    <>
      <PageHeader
        title="Queues"
        description="Review queues: claim the next flagged account or cluster, with its SLA."
      />
      <EmptyState title="Nothing here yet">
        This page fills once query logs are ingested (
        <code>npm run ingest -- events &lt;file&gt;</code>) and detection has run (
        <code>npm run detect</code>). On the embedded demo database, <code>npm start</code> loads
        demo traffic.
      </EmptyState>
    </>
  );
}
