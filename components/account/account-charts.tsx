'use client';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS, compact, pct, ratio } from '@/components/charts/palette';
import { ChartBox } from '@/components/charts/chart-box';
import type { SeriesPoint } from '@/lib/queries/account-series';

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
          yUnit="events / day"
          counts
          series={[{ key: 'events', label: 'events per day', color: COLORS.volume, kind: 'bar' }]}
          brush={{ start, end, onChange: onWindow }}
        />
      </ChartBox>
      <ChartBox
        title="Cumulative coverage"
        note={hasBand ? 'share of buckets seen so far' : 'benign band not computed yet'}
      >
        <TimeSeriesChart
          label="Cumulative coverage"
          data={win}
          height={200}
          yFormat={pct}
          yDomain={[0, 1]}
          yUnit="buckets seen"
          legend
          band={
            hasBand
              ? {
                  lo: 'band_lo',
                  hi: 'band_hi',
                  label: 'benign p5–p95 (taxonomy, accounts of similar volume)',
                  color: COLORS.band,
                  mid: { key: 'band_mid', label: 'benign p50' },
                }
              : undefined
          }
          series={[
            { key: 'tax_cov', label: 'this account: taxonomy coverage', color: COLORS.coverage },
            { key: 'lsh_cov', label: 'this account: fine-bucket coverage', color: COLORS.lsh },
          ]}
        />
      </ChartBox>
      <ChartBox title="Template reuse" note="share of prompts reusing a known template">
        <TimeSeriesChart
          label="Template reuse"
          data={win}
          yFormat={pct}
          yDomain={[0, 1]}
          yUnit="% of prompts"
          series={[{ key: 'template_reuse', label: 'template reuse', color: COLORS.template }]}
        />
      </ChartBox>
      <ChartBox title="Reasoning elicitation" note="step-by-step prompts · extended thinking">
        <TimeSeriesChart
          label="Reasoning share"
          data={win}
          yFormat={pct}
          yDomain={[0, 1]}
          yUnit="% of events"
          legend
          series={[
            { key: 'reasoning_share', label: 'reasoning prompts', color: COLORS.reasoning },
            { key: 'thinking_share', label: 'thinking on', color: COLORS.thinking },
          ]}
        />
      </ChartBox>
      <ChartBox
        title="Output / input tokens"
        note="long answers to short prompts; gaps are days without events"
      >
        <TimeSeriesChart
          label="Output to input tokens"
          data={win}
          yFormat={ratio}
          yWidth={56}
          yUnit="output ÷ input tokens"
          series={[{ key: 'out_in', label: 'output/input', color: COLORS.tokens }]}
        />
      </ChartBox>
    </div>
  );
}
