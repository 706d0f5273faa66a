'use client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import type { TPrivilegeEntry } from '@/lib/schemas/export';

const EMPTY: TPrivilegeEntry = { date: '', author: '', description: '', basis: '' };

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
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium text-slate-800">Privilege log (optional)</legend>
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[9rem_1fr_2fr_1fr_auto] items-end gap-2">
          <Field label="Date">
            <Input type="date" value={r.date} onChange={(e) => set(i, { date: e.target.value })} />
          </Field>
          <Field label="Author">
            <Input value={r.author} onChange={(e) => set(i, { author: e.target.value })} />
          </Field>
          <Field label="Description">
            <Input
              value={r.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </Field>
          <Field label="Basis">
            <Input
              placeholder="attorney-client"
              value={r.basis}
              onChange={(e) => set(i, { basis: e.target.value })}
            />
          </Field>
          <Button
            aria-label={`Remove privilege log row ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...rows, EMPTY])}>
        Add privilege log row
      </Button>
    </fieldset>
  );
}
