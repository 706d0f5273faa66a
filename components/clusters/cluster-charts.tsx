'use client';
import { useState } from 'react';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS, SERIES, compact, pct } from '@/components/charts/palette';
import type { PartitionedCoverage } from '@/lib/queries/cluster-coverage';
import type { SeriesPoint } from '@/lib/queries/account-series';

/** Stacked area: each member's share of the cluster's cumulative taxonomy coverage. */
export function PartitionedCoverageChart({ data }: { data: PartitionedCoverage }) {
  return (
    <TimeSeriesChart
      label="Partitioned coverage"
      data={data.points as Array<{ key: string }>}
      height={260}
      yFormat={pct}
      yDomain={[0, 1]}
      series={data.series.map((s, i) => ({
        key: s,
        label: s,
        color: SERIES[i % SERIES.length],
        kind: 'area',
        stack: 'cov',
      }))}
    />
  );
}

/** Combined daily volume of all members, with the brush to zoom, and the combined coverage curve. */
export function CombinedTimeline({ points }: { points: SeriesPoint[] }) {
  const [w, setW] = useState<[number, number]>([0, Math.max(0, points.length - 1)]);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <TimeSeriesChart
        label="Combined daily volume"
        data={points}
        height={220}
        yFormat={compact}
        series={[{ key: 'events', label: 'events', color: COLORS.cluster, kind: 'bar' }]}
        brush={{
          start: w[0],
          end: w[1],
          onChange: (a, b) => (a !== w[0] || b !== w[1]) && setW([a, b]),
        }}
      />
      <TimeSeriesChart
        label="Combined reasoning share"
        data={points.slice(w[0], w[1] + 1)}
        height={220}
        yFormat={pct}
        yDomain={[0, 1]}
        series={[
          { key: 'reasoning_share', label: 'reasoning prompts', color: COLORS.reasoning },
          { key: 'template_reuse', label: 'template reuse', color: COLORS.template },
        ]}
      />
    </div>
  );
}
