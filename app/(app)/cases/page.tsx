import Link from 'next/link';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { listCases } from '@/lib/queries/cases-list';
import { CASE_STATUS_LABEL, CASE_STATUSES, ZCaseListQuery } from '@/lib/schemas/case';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { Button, buttonClasses } from '@/components/ui/button';
import { CasesTable } from '@/components/cases/cases-table';

type Search = Record<string, string | string[] | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage('cases:view');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = ZCaseListQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : ZCaseListQuery.parse({});
  const list = await listCases(user, q);
  const pages = Math.max(1, Math.ceil(list.total / q.size));
  const href = (page: number) =>
    `/cases?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Cases"
        description="Investigations: status, assignee, linked accounts, evidence. Open one from an account, a cluster or a queue item."
      />
      <form
        method="get"
        aria-label="Case filters"
        className="mb-3 flex flex-wrap items-end gap-2 text-sm"
      >
        <Field label="Status">
          <Select name="status" defaultValue={q.status}>
            <option value="open">open (not closed)</option>
            <option value="all">all</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Assignee">
          <Select name="assignee" defaultValue={q.assignee ?? ''}>
            <option value="">anyone</option>
            <option value="me">me</option>
            <option value="none">unassigned</option>
          </Select>
        </Field>
        <Field label="Tag">
          <Input name="tag" defaultValue={q.tag} className="w-28" />
        </Field>
        <Field label="Search">
          <Input name="q" defaultValue={q.q} placeholder="title, #number, account" />
        </Field>
        <Button type="submit">Apply</Button>
      </form>
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
