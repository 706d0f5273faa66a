import { requirePage } from '@/lib/auth/page-guard';
import { listAudit, ZAuditFilter } from '@/lib/audit/queries';
import { PageHeader } from '@/components/ui/page-header';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePage('audit:view');
  const parsed = ZAuditFilter.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : ZAuditFilter.parse({});
  const { entries, nextBefore } = await listAudit(filter);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, append-only and hash-chained (npm run audit:verify checks the chain)."
      />
      <AuditFilters
        initial={filter}
        error={parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid filter')}
      />
      <AuditTable entries={entries} nextBefore={nextBefore} />
    </>
  );
}
