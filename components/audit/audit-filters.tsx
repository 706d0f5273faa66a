import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import type { TAuditFilter } from '@/lib/audit/queries';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES } from '@/lib/audit/actions';

// The catalogue's actions by label, so the list reads like the table's Action column.
const OPTIONS = AUDIT_ACTION_NAMES.map((name) => ({ name, label: AUDIT_ACTIONS[name].label })).sort(
  (a, b) => a.label.localeCompare(b.label),
);

// A plain GET form: the filter lives in the URL, so a filtered view can be bookmarked.
export function AuditFilters({
  initial,
  error,
}: {
  initial: Partial<TAuditFilter>;
  error: string | null;
}) {
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      aria-label="Audit filters"
    >
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
      <Button type="submit" variant="primary">
        Filter
      </Button>
      {error && <Alert className="w-full">{error}</Alert>}
    </form>
  );
}
