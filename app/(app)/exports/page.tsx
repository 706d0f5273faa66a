import Link from 'next/link';
import { requirePage } from '@/lib/auth/page-guard';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ExportJobsTable } from '@/components/evidence/export-jobs-table';

export default async function ExportsPage() {
  await requirePage('evidence:export');
  return (
    <>
      <PageHeader
        title="Evidence packages"
        description="Signed BagIt packages built from cases. Every download is recorded in the case's custody log."
        actions={
          <Link className={buttonClasses()} href="/evidence/verify">
            Verify a package
          </Link>
        }
      />
      <ExportJobsTable />
    </>
  );
}
