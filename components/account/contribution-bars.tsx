import type { Contribution } from '@/lib/queries/contributions';

const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);

// Each signal's share of the risk score, with its value, benign baseline and the detector's reason.
export function ContributionBars({ items }: { items: Contribution[] }) {
  const max = Math.max(...items.map((c) => Math.abs(c.contribution)), 0.0001);
  return (
    <ul className="space-y-1.5 text-sm" aria-label="Signal contributions">
      {items.map((c) => (
        <li key={c.signal} className="grid grid-cols-[9rem_1fr_4rem] items-center gap-2">
          <span className="truncate text-xs" title={c.signal}>
            {c.label ?? c.signal}
          </span>
          <div>
            <div className="h-2 rounded bg-slate-100">
              <div
                className={`h-2 rounded ${c.contribution >= 0 ? 'bg-red-500' : 'bg-emerald-500'}`}
                style={{ width: `${(Math.abs(c.contribution) / max) * 100}%` }}
              />
            </div>
            {(c.explanation || c.value !== null || c.baseline) && (
              <p className="mt-0.5 text-xs text-slate-600">
                {c.value !== null && <>value {fmt(c.value)}</>}
                {c.baseline && <> · benign {c.baseline}</>}
                {c.explanation && <> · {c.explanation}</>}
              </p>
            )}
          </div>
          <span className="text-right tabular-nums">+{c.contribution.toFixed(2)}</span>
        </li>
      ))}
    </ul>
  );
}
