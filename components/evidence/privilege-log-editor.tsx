'use client';
import type { TPrivilegeEntry } from '@/lib/schemas/export';

const EMPTY: TPrivilegeEntry = { date: '', author: '', description: '', basis: '' };
const input = 'w-full rounded border border-slate-300 px-2 py-1';

/** Optional privilege log rows (documents withheld, and why) for data/privilege-log.csv. */
export function PrivilegeLogEditor({
  rows,
  onChange,
}: {
  rows: TPrivilegeEntry[];
  onChange: (rows: TPrivilegeEntry[]) => void;
}) {
  const set = (i: number, patch: Partial<TPrivilegeEntry>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">Privilege log (optional)</legend>
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[9rem_1fr_2fr_1fr_auto] items-end gap-2">
          <label className="text-xs text-slate-600">
            Date
            <input
              type="date"
              className={input}
              value={r.date}
              onChange={(e) => set(i, { date: e.target.value })}
            />
          </label>
          <label className="text-xs text-slate-600">
            Author
            <input
              className={input}
              value={r.author}
              onChange={(e) => set(i, { author: e.target.value })}
            />
          </label>
          <label className="text-xs text-slate-600">
            Description
            <input
              className={input}
              value={r.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </label>
          <label className="text-xs text-slate-600">
            Basis
            <input
              className={input}
              placeholder="attorney-client"
              value={r.basis}
              onChange={(e) => set(i, { basis: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1"
            aria-label={`Remove privilege log row ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-1"
        onClick={() => onChange([...rows, EMPTY])}
      >
        Add privilege log row
      </button>
    </fieldset>
  );
}
