import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { FilterBar } from '@/components/ui/filter-bar';
import type { TClusterQuery } from '@/lib/queries/clusters-list';

// The clusters list's filters, in the shared filter bar; the sort (set by the column headers) is
// kept when the filters change.
export function ClusterFilters({ query, hints }: { query: TClusterQuery; hints: string[] }) {
  return (
    <FilterBar
      label="Cluster filters"
      keep={{ sort: query.sort, dir: query.dir }}
      resetHref="/clusters"
      hints={hints}
    >
      <Field label="Status">
        <Select name="flagged" defaultValue={query.flagged ?? ''}>
          <option value="">any</option>
          <option value="true">flagged</option>
        </Select>
      </Field>
      <Field label="Members ≥">
        <Input
          name="min_members"
          type="number"
          min={0}
          defaultValue={query.min_members}
          className="w-24"
        />
      </Field>
    </FilterBar>
  );
}
