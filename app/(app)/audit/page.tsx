import { requirePage } from '@/lib/auth/page-guard';
import { listAudit, ZAuditFilter } from '@/lib/audit/queries';
import { resolveAuditNames } from '@/lib/audit/target-names';
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
  const names = await resolveAuditNames(entries);
  // "Older entries" keeps the filter: the same view, one page further back.
  const older = new URLSearchParams(await searchParams);
  if (nextBefore) older.set('before', nextBefore);
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
      <AuditTable entries={entries} names={names} nextHref={nextBefore ? `?${older}` : null} />
    </>
  );
}
