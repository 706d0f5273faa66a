'use client';
import { CategoryBarChart } from '@/components/charts/category-bar-chart';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { SERIES } from '@/components/charts/palette';
import type { DepthPoint, OutcomeCount, QueueTimings } from '@/lib/queries/team-metrics';

export function DepthChart({ data }: { data: DepthPoint[] }) {
  return (
    <TimeSeriesChart
      label="Open queue items at the end of each day"
      data={data}
      height={200}
      series={[
        { key: 'depth', label: 'open items', color: SERIES[0]!, kind: 'line' },
        { key: 'created', label: 'routed that day', color: SERIES[1]!, kind: 'bar' },
        { key: 'decided', label: 'closed that day', color: SERIES[2]!, kind: 'bar' },
      ]}
    />
  );
}

export function TimingsChart({
  data,
  which,
}: {
  data: QueueTimings[];
  which: 'first_action' | 'decision';
}) {
  const rows = data.map((d) => ({
    key: d.queue,
    p50: d[`${which}_p50`] ?? 0,
    p90: d[`${which}_p90`] ?? 0,
  }));
  return (
    <CategoryBarChart
      label={
        which === 'first_action' ? 'Time to first action per queue' : 'Time to decision per queue'
      }
      unit="minutes"
      data={rows}
      yFormat={(v) => v.toFixed(0)}
      series={[
        { key: 'p50', label: 'median', color: SERIES[0]! },
        { key: 'p90', label: 'p90', color: SERIES[3]! },
      ]}
    />
  );
}

export function BreachesChart({ data }: { data: QueueTimings[] }) {
  return (
    <CategoryBarChart
      label="SLA breaches per queue"
      unit="items"
      data={data.map((d) => ({ key: d.queue, breached: d.breached, ok: d.items - d.breached }))}
      series={[
        { key: 'breached', label: 'breached', color: '#dc2626', stack: 's' },
        { key: 'ok', label: 'on time or at risk', color: '#16a34a', stack: 's' },
      ]}
    />
  );
}

export function OutcomesChart({ data }: { data: OutcomeCount[] }) {
  return (
    <CategoryBarChart
      label="Cases closed per outcome"
      unit="cases"
      data={data.map((d) => ({ key: d.outcome, cases: d.cases }))}
      series={[{ key: 'cases', label: 'cases closed', color: SERIES[5]! }]}
    />
  );
}
