'use client';
import { FLAG_STATUSES, type TAccountQuery } from '@/lib/queries/account-filter';

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
  const input = 'rounded border border-slate-300 px-2 py-1';
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
          cluster: str(f, 'cluster'),
          from: str(f, 'from'),
          to: str(f, 'to'),
          model: str(f, 'model'),
          country: str(f, 'country')?.toUpperCase(),
        });
      }}
    >
      <label className="flex flex-col">
        Search
        <input
          name="q"
          defaultValue={state.q}
          placeholder="account, domain, IP, API key"
          className={`${input} w-56`}
        />
      </label>
      <label className="flex flex-col">
        Risk ≥
        <input
          name="risk_min"
          type="number"
          step="0.05"
          min="0"
          max="1"
          defaultValue={state.risk_min}
          className={`${input} w-20`}
        />
      </label>
      <label className="flex flex-col">
        Risk ≤
        <input
          name="risk_max"
          type="number"
          step="0.05"
          min="0"
          max="1"
          defaultValue={state.risk_max}
          className={`${input} w-20`}
        />
      </label>
      <label className="flex flex-col">
        Flagged
        <select
          name="flagged"
          defaultValue={state.flagged === undefined ? '' : String(state.flagged)}
          className={input}
        >
          <option value="">any</option>
          <option value="true">flagged</option>
          <option value="false">not flagged</option>
        </select>
      </label>
      <label className="flex flex-col">
        Signal
        <select name="signal" defaultValue={state.signal ?? ''} className={input}>
          <option value="">any</option>
          {options.signals.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Status
        <select name="status" defaultValue={state.status} className={input}>
          {FLAG_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Cluster
        <input
          name="cluster"
          list="cluster-ids"
          defaultValue={state.cluster}
          placeholder="id or none"
          className={`${input} w-28`}
        />
      </label>
      <datalist id="cluster-ids">
        {options.clusters.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <label className="flex flex-col">
        Active from
        <input name="from" type="date" defaultValue={state.from} className={input} />
      </label>
      <label className="flex flex-col">
        to
        <input name="to" type="date" defaultValue={state.to} className={input} />
      </label>
      <label className="flex flex-col">
        Model
        <input name="model" defaultValue={state.model} className={`${input} w-28`} />
      </label>
      <label className="flex flex-col">
        Country
        <input
          name="country"
          defaultValue={state.country}
          maxLength={2}
          className={`${input} w-14`}
        />
      </label>
      <button className="rounded bg-slate-900 px-3 py-1.5 text-white">Apply</button>
    </form>
  );
}
