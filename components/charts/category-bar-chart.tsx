'use client';
import { LazyCategoryBarPlot } from './lazy';
import type { SeriesDef } from './time-series-chart';

// Bars per category (a queue, an outcome): feature charts pass rows keyed by `key` and declare
// series; the wrapper owns axes, grid, tooltip and the legend, and the unit goes on the y axis.
// The box keeps its height while the Recharts plot loads.
export interface CategoryBarProps<T extends { key: string }> {
  data: T[];
  series: Omit<SeriesDef, 'kind'>[];
  label: string;
  unit: string;
  height?: number;
  yFormat?: (v: number) => string;
}

export function CategoryBarChart<T extends { key: string }>({
  label,
  height = 220,
  ...plot
}: CategoryBarProps<T>) {
  return (
    <div role="img" aria-label={label} data-chart={label} style={{ height }}>
      <LazyCategoryBarPlot {...plot} />
    </div>
  );
}
