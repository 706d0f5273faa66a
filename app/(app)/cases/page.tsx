import Link from 'next/link';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { listCases } from '@/lib/queries/cases-list';
import { ZCaseListQuery } from '@/lib/schemas/case';
import { parseUrlQuery } from '@/lib/schemas/url-query';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClasses } from '@/components/ui/button';
import { CaseFilters } from '@/components/cases/case-filters';
import { CasesTable } from '@/components/cases/cases-table';

type Search = Record<string, string | string[] | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage('cases:view');
  const { query: q, hints } = parseUrlQuery(ZCaseListQuery, await searchParams);
  const list = await listCases(user, q);
  const pages = Math.max(1, Math.ceil(list.total / q.size));
  const href = (page: number) => {
    const p = new URLSearchParams({ status: q.status, page: String(page) });
    for (const [k, v] of Object.entries({ assignee: q.assignee, tag: q.tag, q: q.q }))
      if (v) p.set(k, v);
    if (q.size !== 50) p.set('size', String(q.size));
    return `/cases?${p}`;
  };
  return (
    <>
      <PageHeader
        title="Cases"
        description="Investigations: status, assignee, linked accounts, evidence. Open one from an account, a cluster or a queue item."
      />
      <CaseFilters q={q} hints={hints} />
      {list.total === 0 ? (
        <EmptyState title="No cases match">
          Open a case from an account or cluster page (“Open case”), or change the filters.
        </EmptyState>
      ) : (
        <CasesTable rows={list.rows} canWrite={can(user, 'cases:write')} />
      )}
      <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
        <span>
          {list.total} cases · page {q.page} of {pages}
        </span>
        {q.page > 1 && (
          <Link className={buttonClasses({ size: 'sm' })} href={href(q.page - 1)}>
            Previous
          </Link>
        )}
        {q.page < pages && (
          <Link className={buttonClasses({ size: 'sm' })} href={href(q.page + 1)}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}
