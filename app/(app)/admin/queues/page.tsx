import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { QueuesAdmin } from '@/components/queues/queues-admin';

export default async function AdminQueuesPage() {
  await requirePage('queues:manage');
  return (
    <>
      <PageHeader
        title="Review queues"
        description="Which open flags each queue takes, its SLA, its members and its priority. Every change is audited."
      />
      <QueuesAdmin />
    </>
  );
}
