import { requirePage } from '@/lib/auth/page-guard';
import { prisma } from '@/lib/db/client';
import { getRetention } from '@/lib/cases/retention/settings';
import { listActiveHolds } from '@/lib/queries/holds';
import { PageHeader } from '@/components/ui/page-header';
import { RetentionAdmin } from '@/components/retention/retention-admin';

export default async function RetentionPage() {
  await requirePage('settings:manage');
  const [retention, holds] = await Promise.all([getRetention(prisma), listActiveHolds()]);
  return (
    <>
      <PageHeader
        title="Retention and legal holds"
        description="How long raw events are kept. npm run purge (and the server's scheduled run) deletes older events, never those of an account under legal hold."
      />
      <RetentionAdmin initial={{ retention, holds }} />
    </>
  );
}
