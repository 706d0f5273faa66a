'use client';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS } from '@/components/charts/palette';
import type { FlagsPerDay } from '@/lib/queries/overview';

export function FlagsChart({ data }: { data: FlagsPerDay[] }) {
  return (
    <TimeSeriesChart
      label="New flags per day"
      data={data}
      height={220}
      series={[
        { key: 'account', label: 'accounts', color: COLORS.account, kind: 'bar', stack: 'f' },
        { key: 'cluster', label: 'clusters', color: COLORS.cluster, kind: 'bar', stack: 'f' },
      ]}
    />
  );
}
