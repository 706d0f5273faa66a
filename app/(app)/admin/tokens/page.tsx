import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { TokensAdmin } from '@/components/admin/tokens-admin';

export default async function AdminTokensPage() {
  await requirePage('ingest:manage');
  return (
    <>
      <PageHeader
        title="Ingest tokens"
        description="Machine access to the ingest endpoints: what each token may feed, until when. Every change is audited."
      />
      <TokensAdmin />
    </>
  );
}
