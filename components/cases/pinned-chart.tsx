'use client';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { COLORS, compact, pct } from '@/components/charts/palette';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChartSeries } from '@/lib/schemas/case';
import { usePinnedChart } from './cases-query';

export const SERIES_LABEL: Record<ChartSeries, string> = {
  events: 'Events per day',
  input_tokens: 'Input tokens per day',
  output_tokens: 'Output tokens per day',
  reasoning_share: 'Reasoning share (% of events)',
  tax_cov: 'Taxonomy coverage (cumulative %)',
  lsh_cov: 'Fine-bucket coverage (cumulative %)',
  template_reuse: 'Template reuse (% of events)',
};
const RATIO: ChartSeries[] = ['reasoning_share', 'tax_cov', 'lsh_cov', 'template_reuse'];

/** A pinned chart drawn again from its stored parameters (account, series, window). */
export function PinnedChartView({
  caseId,
  pinId,
  note,
}: {
  caseId: string;
  pinId: string;
  note: string;
}) {
  const q = usePinnedChart(caseId, pinId);
  if (q.error) return <Alert>{q.error.message}</Alert>;
  if (!q.data) return <Skeleton className="h-48" />;
  const { params, points } = q.data;
  const label = `${SERIES_LABEL[params.series]} — ${params.account_id}, ${params.from} to ${params.to}`;
  const ratio = RATIO.includes(params.series);
  return (
    <figure className="rounded border border-slate-200 p-2" data-testid="pinned-chart">
      <figcaption className="mb-1 text-xs text-slate-700">
        <span className="font-medium">{label}</span>
        {note && <span> · {note}</span>}
        <span className="ml-2 inline-flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-2 w-3"
            style={{ background: COLORS.volume }}
          />
          {SERIES_LABEL[params.series]} ({points.length} days)
        </span>
      </figcaption>
      {points.length === 0 ? (
        <p className="text-sm text-slate-600">No activity in this window.</p>
      ) : (
        <TimeSeriesChart
          label={label}
          data={points}
          series={[
            {
              key: 'value',
              label: SERIES_LABEL[params.series],
              color: COLORS.volume,
              kind: ratio ? 'line' : 'bar',
            },
          ]}
          yFormat={ratio ? pct : compact}
          height={160}
        />
      )}
    </figure>
  );
}
