'use client';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS } from '@/components/charts/palette';
import type { FlagsPerRun } from '@/lib/queries/overview';

// Flags each detection run raised for the first time, one bar pair per run, oldest run first.
export function FlagsChart({ data }: { data: FlagsPerRun[] }) {
  return (
    <TimeSeriesChart
      label="New flags by detection run"
      data={data}
      height={220}
      counts
      legend
      yUnit="new flags"
      series={[
        { key: 'account', label: 'accounts', color: COLORS.account, kind: 'bar', stack: 'f' },
        { key: 'cluster', label: 'clusters', color: COLORS.cluster, kind: 'bar', stack: 'f' },
      ]}
    />
  );
}
