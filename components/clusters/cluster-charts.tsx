'use client';
import { useState } from 'react';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS, SERIES, compact, pct } from '@/components/charts/palette';
import { ChartBox } from '@/components/charts/chart-box';
import type { PartitionedCoverage } from '@/lib/queries/cluster-coverage';
import type { SeriesPoint } from '@/lib/queries/account-series';

const OTHERS_COLOR = '#94a3b8'; // the last SERIES colour, kept for "other members"

/** Stacked area: each member's share of the fine buckets the cluster reached, over its whole range. */
export function PartitionedCoverageChart({ data }: { data: PartitionedCoverage }) {
  return (
    <TimeSeriesChart
      label="Partitioned coverage"
      data={data.points as Array<{ key: string }>}
      height={260}
      yFormat={pct}
      yUnit={`of ${data.buckets.toLocaleString('en')} fine buckets`}
      yWidth={52}
      legend
      series={data.series.map((s, i) => ({
        key: s.key,
        label: s.label,
        color: s.key === 'others' ? OTHERS_COLOR : SERIES[i % (SERIES.length - 1)],
        kind: 'area',
        stack: 'cov',
      }))}
    />
  );
}

/** Combined daily volume of all members, with the brush to zoom, and the combined shares beside it. */
export function CombinedTimeline({ points }: { points: SeriesPoint[] }) {
  const [w, setW] = useState<[number, number]>([0, Math.max(0, points.length - 1)]);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <ChartBox title="Combined daily volume" note="all members · drag the handles to zoom">
        <TimeSeriesChart
          label="Combined daily volume"
          data={points}
          height={220}
          yFormat={compact}
          yUnit="events / day"
          counts
          legend
          series={[
            {
              key: 'events',
              label: 'events per day, all members',
              color: COLORS.cluster,
              kind: 'bar',
            },
          ]}
          brush={{
            start: w[0],
            end: w[1],
            onChange: (a, b) => (a !== w[0] || b !== w[1]) && setW([a, b]),
          }}
        />
      </ChartBox>
      <ChartBox
        title="Reasoning prompts and template reuse"
        note="share of all members' events per day · gaps are days without events"
      >
        <TimeSeriesChart
          label="Combined reasoning share"
          data={points.slice(w[0], w[1] + 1)}
          height={220}
          yFormat={pct}
          yDomain={[0, 1]}
          yUnit="% of events"
          legend
          series={[
            { key: 'reasoning_share', label: 'reasoning prompts', color: COLORS.reasoning },
            { key: 'template_reuse', label: 'template reuse', color: COLORS.template },
          ]}
        />
      </ChartBox>
    </div>
  );
}
