import { requirePage } from '@/lib/auth/page-guard';
import { listClauses } from '@/lib/queries/clauses';
import { PageHeader } from '@/components/ui/page-header';
import { ClausesAdmin } from '@/components/clauses/clauses-admin';

export default async function ClausesPage() {
  await requirePage('clauses:manage');
  return (
    <>
      <PageHeader
        title="ToS clauses"
        description="Clauses of the Terms of Service and their versions. A version in force is never edited: add a new one with its effective date."
      />
      <ClausesAdmin initial={await listClauses()} />
    </>
  );
}
