'use client';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/form-controls';
import { FilterBar } from '@/components/ui/filter-bar';
import type { QueueSummary } from '@/lib/queries/queues-summary';
import { SLA_STATES, type TItemListQuery } from '@/lib/schemas/queue';
import { SLA_LABEL } from './format';

const STATES = ['open', 'unclaimed', 'claimed', 'mine', 'snoozed', 'done'] as const;
const SORTS = {
  due: 'SLA due first',
  age: 'Oldest first',
  risk: 'Highest risk',
  priority: 'Queue priority',
};

// The queue items' filters in the shared filter bar: each choice applies at once (written to the
// URL), and the form also submits as a plain GET, so the view is always a link. Remounted when
// the URL changes, so back and forward show the filters of the view on screen.
export function QueueFilters({
  q,
  hints,
  queues,
  setParam,
}: {
  q: TItemListQuery;
  hints: string[];
  queues: QueueSummary[];
  setParam: (k: string, v: string | null) => void;
}) {
  const key = JSON.stringify([q.queue, q.state, q.sla, q.sort]);
  return (
    <FilterBar
      key={key}
      label="Item filters"
      keep={{ pageSize: q.pageSize !== 50 ? String(q.pageSize) : undefined }}
      resetHref="/queues"
      hints={hints}
    >
      <Field label="Queue">
        <Select
          name="queue"
          defaultValue={q.queue ?? ''}
          onChange={(e) => setParam('queue', e.target.value || null)}
        >
          <option value="">All my queues</option>
          {queues.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="State">
        <Select
          name="state"
          defaultValue={q.state}
          onChange={(e) => setParam('state', e.target.value)}
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s === 'mine' ? 'claimed by me' : s}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="SLA">
        <Select
          name="sla"
          defaultValue={q.sla ?? ''}
          onChange={(e) => setParam('sla', e.target.value || null)}
        >
          <option value="">any</option>
          {SLA_STATES.map((s) => (
            <option key={s} value={s}>
              {SLA_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort">
        <Select
          name="sort"
          defaultValue={q.sort}
          onChange={(e) => setParam('sort', e.target.value)}
        >
          {Object.entries(SORTS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </Field>
    </FilterBar>
  );
}
