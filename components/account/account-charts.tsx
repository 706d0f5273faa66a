'use client';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS, compact, pct } from '@/components/charts/palette';
import type { SeriesPoint } from '@/lib/queries/account-series';

function ChartBox({
  title,
  note,
  children,
}: {
  title: string;
  note: string;
  children: React.ReactNode;
}) {
  return (
    <figure className="rounded border border-slate-100 p-2">
      <figcaption className="mb-1 flex items-baseline justify-between text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-slate-600">{note}</span>
      </figcaption>
      {children}
    </figure>
  );
}

/**
 * Five charts on one time axis: the volume chart carries the brush over the full range; the others
 * show the same window (sliced rows) and share a synced tooltip.
 */
export function AccountCharts({
  points,
  start,
  end,
  onWindow,
  hasBand,
}: {
  points: SeriesPoint[];
  start: number;
  end: number;
  onWindow: (s: number, e: number) => void;
  hasBand: boolean;
}) {
  const win = points.slice(start, end + 1);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <ChartBox title="Daily volume" note="events per day · drag the handles to pick a window">
        <TimeSeriesChart
          label="Daily volume"
          data={points}
          height={200}
          yFormat={compact}
          series={[{ key: 'events', label: 'events', color: COLORS.volume, kind: 'bar' }]}
          brush={{ start, end, onChange: onWindow }}
        />
      </ChartBox>
      <ChartBox
        title="Cumulative coverage"
        note={
          hasBand ? 'taxonomy buckets seen vs benign band (p5–p95)' : 'benign band not computed yet'
        }
      >
        <TimeSeriesChart
          label="Cumulative coverage"
          data={win}
          height={200}
          yFormat={pct}
          yDomain={[0, 1]}
          band={
            hasBand
              ? { lo: 'band_lo', hi: 'band_hi', label: 'benign p5–p95', color: COLORS.band }
              : undefined
          }
          series={[
            { key: 'tax_cov', label: 'taxonomy coverage', color: COLORS.coverage },
            { key: 'lsh_cov', label: 'fine-bucket coverage', color: COLORS.lsh },
          ]}
        />
      </ChartBox>
      <ChartBox title="Template reuse" note="share of prompts reusing a known template">
        <TimeSeriesChart
          label="Template reuse"
          data={win}
          yFormat={pct}
          yDomain={[0, 1]}
          series={[{ key: 'template_reuse', label: 'template reuse', color: COLORS.template }]}
        />
      </ChartBox>
      <ChartBox title="Reasoning elicitation" note="step-by-step prompts · extended thinking">
        <TimeSeriesChart
          label="Reasoning share"
          data={win.map((p) => ({ ...p, thinking_share: p.events ? p.thinking / p.events : 0 }))}
          yFormat={pct}
          yDomain={[0, 1]}
          series={[
            { key: 'reasoning_share', label: 'reasoning prompts', color: COLORS.reasoning },
            { key: 'thinking_share', label: 'thinking on', color: COLORS.thinking },
          ]}
        />
      </ChartBox>
      <ChartBox
        title="Output / input tokens"
        note="harvesting shows as long outputs for short prompts"
      >
        <TimeSeriesChart
          label="Output to input tokens"
          data={win}
          yFormat={(v) => `${v.toFixed(1)}×`}
          series={[{ key: 'out_in', label: 'output/input', color: COLORS.tokens }]}
        />
      </ChartBox>
    </div>
  );
}
