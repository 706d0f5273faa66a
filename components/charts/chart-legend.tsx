// The legend under a chart, as HTML (readable by screen readers and tests): a swatch per series, the
// benign band and its median, each named as the chart draws it.
export interface LegendEntry {
  label: string;
  color: string;
  shape: 'line' | 'dashed' | 'box' | 'band';
}

export function ChartLegend({ entries, label }: { entries: LegendEntry[]; label: string }) {
  return (
    <ul
      className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700"
      aria-label={`${label}: legend`}
      data-testid="chart-legend"
    >
      {entries.map((e) => (
        <li key={e.label} className="inline-flex items-center gap-1.5">
          <Swatch {...e} />
          {e.label}
        </li>
      ))}
    </ul>
  );
}

function Swatch({ color, shape }: LegendEntry) {
  if (shape === 'line' || shape === 'dashed')
    return (
      <svg width="18" height="8" aria-hidden="true">
        <line
          x1="1"
          y1="4"
          x2="17"
          y2="4"
          stroke={color}
          strokeWidth="2"
          strokeDasharray={shape === 'dashed' ? '4 3' : undefined}
        />
      </svg>
    );
  return (
    <span
      aria-hidden="true"
      className="inline-block h-2.5 w-3.5 rounded-sm"
      style={{ background: color, opacity: shape === 'band' ? 0.3 : 1 }}
    />
  );
}
