'use client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import {
  DISPOSITION_FILTERS,
  FLAG_STATUSES,
  type TAccountQuery,
} from '@/lib/queries/account-filter';

// A form over the URL state: submitting writes every field back to the URL (page resets to 1).
export function AccountsFilters({
  state,
  options,
  onApply,
}: {
  state: TAccountQuery;
  options: { signals: Array<{ id: string; label: string }>; clusters: string[] };
  onApply: (patch: Partial<TAccountQuery>) => void;
}) {
  const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim() || undefined;
  const numOrU = (f: FormData, k: string) => {
    const v = str(f, k);
    return v === undefined ? undefined : Number(v);
  };
  const flaggedOf = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
  return (
    <form
      key={JSON.stringify(state)}
      aria-label="Account filters"
      className="mb-3 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        onApply({
          q: str(f, 'q'),
          risk_min: numOrU(f, 'risk_min'),
          risk_max: numOrU(f, 'risk_max'),
          flagged: flaggedOf(str(f, 'flagged')),
          signal: str(f, 'signal'),
          status: (str(f, 'status') ?? 'any') as TAccountQuery['status'],
          disposition: (str(f, 'disposition') ?? 'any') as TAccountQuery['disposition'],
          cluster: str(f, 'cluster'),
          from: str(f, 'from'),
          to: str(f, 'to'),
          model: str(f, 'model'),
          country: str(f, 'country')?.toUpperCase(),
        });
      }}
    >
      <Field label="Search">
        <Input
          name="q"
          defaultValue={state.q}
          placeholder="account, domain, IP, API key"
          className="w-56"
        />
      </Field>
      <Field label="Risk ≥">
        <Input
          name="risk_min"
          type="number"
          step="0.05"
          min="0"
          max="1"
          defaultValue={state.risk_min}
          className="w-20"
        />
      </Field>
      <Field label="Risk ≤">
        <Input
          name="risk_max"
          type="number"
          step="0.05"
          min="0"
          max="1"
          defaultValue={state.risk_max}
          className="w-20"
        />
      </Field>
      <Field label="Flagged">
        <Select
          name="flagged"
          defaultValue={state.flagged === undefined ? '' : String(state.flagged)}
        >
          <option value="">any</option>
          <option value="true">flagged</option>
          <option value="false">not flagged</option>
        </Select>
      </Field>
      <Field label="Signal">
        <Select name="signal" defaultValue={state.signal ?? ''}>
          <option value="">any</option>
          {options.signals.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status">
        <Select name="status" defaultValue={state.status}>
          {FLAG_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <Field label="Disposition">
        <Select name="disposition" defaultValue={state.disposition}>
          {DISPOSITION_FILTERS.map((d) => (
            <option key={d} value={d}>
              {d === 'not_abuse' ? 'not abuse' : d}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Cluster">
        <Input
          name="cluster"
          list="cluster-ids"
          defaultValue={state.cluster}
          placeholder="id or none"
          className="w-28"
        />
      </Field>
      <datalist id="cluster-ids">
        {options.clusters.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label="Active from">
        <Input name="from" type="date" defaultValue={state.from} />
      </Field>
      <Field label="to">
        <Input name="to" type="date" defaultValue={state.to} />
      </Field>
      <Field label="Model">
        <Input name="model" defaultValue={state.model} className="w-28" />
      </Field>
      <Field label="Country">
        <Input name="country" defaultValue={state.country} maxLength={2} className="w-14" />
      </Field>
      <Button type="submit" variant="primary">
        Apply
      </Button>
    </form>
  );
}
