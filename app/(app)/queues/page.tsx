import { Suspense } from 'react';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { PageHeader, Skeleton } from '@/components/ui/page-header';
import { QueuesWorkbench } from '@/components/queues/queues-workbench';

export default async function QueuesPage() {
  const user = await requirePage('queues:work');
  return (
    <>
      <PageHeader
        title="Queues"
        description="Claim the next flagged account or cluster of your queues; SLA per item (at risk from 75 % of the allowed time)."
      />
      <Suspense fallback={<Skeleton />}>
        <QueuesWorkbench userId={user.id} isAdmin={can(user, 'queues:manage')} />
      </Suspense>
    </>
  );
}
