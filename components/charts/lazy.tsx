'use client';
import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

// Recharts is about 130 kB of gzipped JS. It is loaded only where a chart is on screen, after the
// page's first paint: each plot fills a box whose height the caller has already reserved, and the
// skeleton fills the same box meanwhile, so nothing below moves when the chart arrives. No server
// rendering: Recharts measures its container in the browser anyway.
const ChartSkeleton = () => <Skeleton className="h-full w-full" />;

export const LazyTimeSeriesPlot = dynamic(() => import('./time-series-plot'), {
  ssr: false,
  loading: ChartSkeleton,
});

export const LazyCategoryBarPlot = dynamic(() => import('./category-bar-plot'), {
  ssr: false,
  loading: ChartSkeleton,
});
