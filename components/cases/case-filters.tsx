import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { FilterBar } from '@/components/ui/filter-bar';
import { CASE_STATUS_LABEL, CASE_STATUSES, type TCaseListQuery } from '@/lib/schemas/case';

// The cases list's filters, in the shared filter bar (a GET form: the filters live in the URL).
// A new filter starts again at page one; the page size is kept.
export function CaseFilters({ q, hints }: { q: TCaseListQuery; hints: string[] }) {
  return (
    <FilterBar
      label="Case filters"
      keep={{ size: q.size !== 50 ? String(q.size) : undefined }}
      resetHref="/cases"
      hints={hints}
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
    </FilterBar>
  );
}
