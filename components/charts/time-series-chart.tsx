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
import { ChartLegend, type LegendEntry } from './chart-legend';

// The one Recharts wrapper for time series: feature charts pass rows keyed by `key` (a day) and
// declare series; the wrapper owns axes, grid, tooltip, the optional benign band and the brush.
export interface SeriesDef {
  key: string;
  label: string;
  color: string;
  kind?: 'line' | 'area' | 'bar';
  stack?: string;
}
export interface BandDef {
  lo: string;
  hi: string;
  label: string;
  color: string;
  /** the band's median, drawn as a dashed line */
  mid?: { key: string; label: string };
}
export interface BrushDef {
  start: number;
  end: number;
  onChange: (start: number, end: number) => void;
}

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

export function TimeSeriesChart<T extends Row>({
  data,
  series,
  band,
  brush,
  height = 160,
  yFormat,
  yDomain,
  syncId,
  label,
  legend = false,
  yUnit,
  yWidth = 48,
  counts = false,
}: {
  data: T[];
  series: SeriesDef[];
  band?: BandDef;
  brush?: BrushDef;
  height?: number;
  yFormat?: (v: number) => string;
  yDomain?: [number, number | 'auto'];
  syncId?: string;
  label: string;
  /** an HTML legend under the chart naming every series and the band */
  legend?: boolean;
  /** the y axis' unit, written along the axis */
  yUnit?: string;
  yWidth?: number;
  /** whole-number ticks only (the y axis counts things) */
  counts?: boolean;
}) {
  const entries: LegendEntry[] = [
    ...series.map((s) => ({
      label: s.label,
      color: s.color,
      shape: s.kind === 'bar' || s.kind === 'area' ? ('box' as const) : ('line' as const),
    })),
    ...(band ? [{ label: band.label, color: band.color, shape: 'band' as const }] : []),
    ...(band?.mid ? [{ label: band.mid.label, color: band.color, shape: 'dashed' as const }] : []),
  ];
  // role="figure", not "img": the chart holds focusable parts (Recharts' keyboard tooltip, the
  // brush), and an img role would hide them from assistive technology (axe: nested-interactive).
  return (
    <div
      role="figure"
      aria-label={label}
      data-chart={label}
      data-first={data[0]?.key}
      data-last={data[data.length - 1]?.key}
    >
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            syncId={syncId}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          >
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
      </div>
      {legend && <ChartLegend entries={entries} label={label} />}
    </div>
  );
}
