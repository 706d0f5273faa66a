'use client';
import {
  Area,
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { shortDay } from './palette';
import type { TimeSeriesProps } from './time-series-chart';

// The Recharts half of TimeSeriesChart. It is loaded on demand (components/charts/lazy.tsx), so
// Recharts is fetched only by pages that draw a chart, after their first paint.
type Row = { key: string };
const tooltipValue = (v: unknown, f?: (v: number) => string): string =>
  typeof v === 'number'
    ? f
      ? f(v)
      : String(v)
    : Array.isArray(v)
      ? v.map((x) => tooltipValue(x, f)).join(' – ')
      : 'no events'; // a gap: a ratio on a day without events
const field = (d: Row, k: string) => (d as unknown as Record<string, unknown>)[k];

export default function TimeSeriesPlot({
  data,
  series,
  band,
  brush,
  yFormat,
  yDomain,
  syncId,
  yUnit,
  yWidth = 48,
  counts = false,
}: Omit<TimeSeriesProps<Row>, 'label' | 'legend' | 'height'>) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} syncId={syncId} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="key" tickFormatter={shortDay} tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis
          width={yUnit ? yWidth + 14 : yWidth}
          tick={{ fontSize: 11 }}
          tickFormatter={yFormat}
          domain={yDomain ?? [0, 'auto']}
          allowDecimals={!counts}
          label={
            yUnit
              ? {
                  value: yUnit,
                  angle: -90,
                  position: 'insideLeft',
                  fontSize: 11,
                  fill: '#475569',
                  style: { textAnchor: 'middle' },
                }
              : undefined
          }
        />
        <Tooltip
          formatter={(v) => tooltipValue(v, yFormat)}
          labelClassName="text-xs"
          isAnimationActive={false}
        />
        {band && (
          <Area
            dataKey={(d: Row) => [field(d, band.lo), field(d, band.hi)]}
            name={band.label}
            stroke="none"
            fill={band.color}
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls
          />
        )}
        {band?.mid && (
          <Line
            dataKey={band.mid.key}
            name={band.mid.label}
            stroke={band.color}
            strokeDasharray="4 3"
            dot={false}
            strokeWidth={1.25}
            isAnimationActive={false}
            connectNulls
          />
        )}
        {series.map((s) =>
          s.kind === 'bar' ? (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={false}
            />
          ) : s.kind === 'area' ? (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.5}
              stackId={s.stack}
              type="monotone"
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              dot={false}
              strokeWidth={1.5}
              type="monotone"
              isAnimationActive={false}
            />
          ),
        )}
        {brush && (
          <Brush
            dataKey="key"
            height={22}
            travellerWidth={8}
            stroke="#64748b"
            startIndex={brush.start}
            endIndex={brush.end}
            tickFormatter={shortDay}
            onChange={(r) => brush.onChange(r.startIndex ?? 0, r.endIndex ?? data.length - 1)}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
