'use client';
import { ChartLegend, type LegendEntry } from './chart-legend';
import { LazyTimeSeriesPlot } from './lazy';

// The one wrapper for time series: feature charts pass rows keyed by `key` (a day) and declare
// series; the wrapper owns axes, grid, tooltip, the optional benign band and the brush. The figure,
// its reserved height and its legend render at once; the Recharts plot inside loads lazily.
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

export interface TimeSeriesProps<T extends { key: string }> {
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
}

export function TimeSeriesChart<T extends { key: string }>({
  height = 160,
  label,
  legend = false,
  ...plot
}: TimeSeriesProps<T>) {
  const { data, series, band } = plot;
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
        <LazyTimeSeriesPlot {...plot} />
      </div>
      {legend && <ChartLegend entries={entries} label={label} />}
    </div>
  );
}
