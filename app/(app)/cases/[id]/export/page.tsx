import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/page-guard';
import { getCase } from '@/lib/queries/case';
import { NotFoundError } from '@/lib/errors';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ExportBuilder } from '@/components/evidence/export-builder';
import { ExportJobsTable } from '@/components/evidence/export-jobs-table';

export default async function CaseExportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('evidence:export');
  const { id } = await params;
  const c = await getCase(user, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title={`Evidence package — case #${c.number}`}
        description={c.title}
        actions={
          <Link className={buttonClasses()} href={`/cases/${c.id}`}>
            Back to the case
          </Link>
        }
      />
      <div className="space-y-6">
        <ExportBuilder
          scope={{
            caseId: c.id,
            accounts: c.accounts.map((a) => ({ id: a.account_id, risk: a.risk_at_link })),
            clusters: c.clusters.map((k) => ({ id: k.cluster_id, members: k.members_at_link })),
          }}
        />
        <section aria-labelledby="case-packages">
          <h2 id="case-packages" className="mb-2 text-lg font-semibold">
            Packages of this case
          </h2>
          <ExportJobsTable caseId={c.id} />
        </section>
      </div>
    </>
  );
}
