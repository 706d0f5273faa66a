import type { ExplainItem } from '@/lib/queries/explain';
import { formatScore } from '@/lib/queries/format-value';

// One row per signal: human label and one-line meaning, the value in its unit, the benign range it
// was judged against, and evidence × weight = contribution (the part of Σ it adds).
export function ContributionList({
  items,
  max,
  muted = false,
  label,
}: {
  items: ExplainItem[];
  max: number;
  muted?: boolean;
  label: string;
}) {
  return (
    <ul className="space-y-2 text-sm" aria-label={label}>
      {items.map((c) => (
        <li
          key={c.signal}
          className="grid grid-cols-[minmax(0,1fr)_4.5rem] gap-x-3"
          data-testid="contribution"
          data-signal={c.signal}
        >
          <div className="min-w-0">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{c.label}</span>
              <span className="tabular-nums" data-testid="signal-value">
                {c.value}
              </span>
            </div>
            {c.meaning && <p className="text-xs text-slate-600">{c.meaning}</p>}
            <p className="text-xs text-slate-600">
              {c.baseline && <>{c.baseline} · </>}
              evidence {c.evidence.toFixed(2)} × weight {c.weight.toFixed(2)}
              {c.note && <> · {c.note}</>}
            </p>
            {max > 0 && c.contribution > 0 && (
              <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden>
                <div
                  className={`h-1.5 rounded ${muted ? 'bg-slate-400' : 'bg-red-500'}`}
                  style={{ width: `${(c.contribution / max) * 100}%` }}
                />
              </div>
            )}
          </div>
          <span
            className="text-right font-medium tabular-nums"
            data-testid="contribution-value"
            title="contribution = evidence × weight"
          >
            +{formatScore(c.contribution)}
          </span>
        </li>
      ))}
    </ul>
  );
}
