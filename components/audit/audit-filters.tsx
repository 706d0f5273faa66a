import type { TAuditFilter } from '@/lib/audit/queries';

// A plain GET form: the filter lives in the URL, so a filtered view can be bookmarked.
export function AuditFilters({
  initial,
  error,
}: {
  initial: Partial<TAuditFilter>;
  error: string | null;
}) {
  const input = 'rounded border border-slate-300 px-2 py-1';
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      aria-label="Audit filters"
    >
      <label className="flex flex-col">
        Action
        <input name="action" defaultValue={initial.action} placeholder="user." className={input} />
      </label>
      <label className="flex flex-col">
        Actor
        <input name="actor" defaultValue={initial.actor} placeholder="email" className={input} />
      </label>
      <label className="flex flex-col">
        Target
        <input
          name="target"
          defaultValue={initial.target}
          placeholder="id or type"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        From
        <input name="from" type="date" defaultValue={initial.from} className={input} />
      </label>
      <label className="flex flex-col">
        To
        <input name="to" type="date" defaultValue={initial.to} className={input} />
      </label>
      <button className="rounded bg-slate-900 px-3 py-1.5 text-white">Filter</button>
      {error && <p className="text-red-700">{error}</p>}
    </form>
  );
}
