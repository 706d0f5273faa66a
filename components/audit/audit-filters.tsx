import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { FilterBar } from '@/components/ui/filter-bar';
import type { TAuditFilter } from '@/lib/audit/queries';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES } from '@/lib/audit/actions';

// The catalogue's actions by label, so the list reads like the table's Action column.
const OPTIONS = AUDIT_ACTION_NAMES.map((name) => ({ name, label: AUDIT_ACTIONS[name].label })).sort(
  (a, b) => a.label.localeCompare(b.label),
);

// The shared filter bar (a GET form): the filter lives in the URL, so a view can be bookmarked.
export function AuditFilters({
  initial,
  error,
}: {
  initial: Partial<TAuditFilter>;
  error: string | null;
}) {
  return (
    <FilterBar label="Audit filters" resetHref="/audit" error={error}>
      <Field label="Action">
        <Select name="action" defaultValue={initial.action ?? ''}>
          <option value="">any</option>
          {OPTIONS.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Actor">
        <Input name="actor" defaultValue={initial.actor} placeholder="email" />
      </Field>
      <Field label="Target">
        <Input name="target" defaultValue={initial.target} placeholder="id or type" />
      </Field>
      <Field label="From">
        <Input name="from" type="date" defaultValue={initial.from} />
      </Field>
      <Field label="To">
        <Input name="to" type="date" defaultValue={initial.to} />
      </Field>
    </FilterBar>
  );
}
