'use client';

/** Checkboxes for the case's linked accounts or clusters that go into the package. */
export function ScopePicker({
  legend,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  items: { id: string; note: string }[];
  chosen: Set<string>;
  onChange: (s: Set<string>) => void;
}) {
  if (items.length === 0) return null;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="text-sm">
      <legend className="font-medium text-slate-800">
        {legend} ({chosen.size} of {items.length})
      </legend>
      <div className="mt-1 flex max-h-40 flex-wrap gap-x-4 overflow-y-auto">
        {items.map((it) => (
          <label key={it.id} className="inline-flex items-center gap-1.5 py-0.5">
            <input type="checkbox" checked={chosen.has(it.id)} onChange={() => toggle(it.id)} />
            <span className="font-mono text-xs">{it.id}</span>
            {it.note && <span className="text-xs text-slate-600">{it.note}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
