'use client';
import { useState } from 'react';
import type { AccountSeries } from '@/lib/queries/account-series';
import type { HourOfWeek } from '@/lib/queries/hour-of-week';
import { HeatMap } from '@/components/charts/heat-map';
import { PanelEmpty } from '@/components/charts/panel';
import { AccountCharts } from './account-charts';
import { EventList } from './event-list';

function nextDay(key: string): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Time window of points [start, end] as an ISO range [from, to) for the events query. */
export function windowRange(
  keys: string[],
  start: number,
  end: number,
): { from: string; to: string } {
  const to = keys[end + 1] ?? nextDay(keys[end]);
  return { from: `${keys[start]}T00:00:00.000Z`, to: `${to}T00:00:00.000Z` };
}

// Owns the brushed window shared by the charts and the event list below them.
export function AccountWorkspace({
  account,
  series,
  hourOfWeek,
  canAnnotate,
  canReveal,
}: {
  account: string;
  series: AccountSeries;
  hourOfWeek: HourOfWeek;
  canAnnotate: boolean;
  canReveal: boolean;
}) {
  const n = series.points.length;
  const [win, setWin] = useState<[number, number]>([Math.max(0, n - 7), Math.max(0, n - 1)]);
  if (n === 0) return <PanelEmpty>No traffic rolled up for this account yet.</PanelEmpty>;
  const keys = series.points.map((p) => p.key);
  const range = windowRange(keys, win[0], win[1]);
  return (
    <div className="space-y-4">
      <AccountCharts
        points={series.points}
        start={win[0]}
        end={win[1]}
        hasBand={series.hasBand}
        onWindow={(s, e) => (s !== win[0] || e !== win[1]) && setWin([s, e])}
      />
      <figure className="rounded border border-slate-100 p-2">
        <figcaption className="mb-1 flex justify-between text-sm">
          <span className="font-medium">Hour of week (UTC)</span>
          <span className="text-xs text-slate-600">
            whole history · {hourOfWeek.total.toLocaleString('en')} events
          </span>
        </figcaption>
        <HeatMap cells={hourOfWeek.cells} max={hourOfWeek.max} label="Hour-of-week heat map" />
      </figure>
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Window">
        <span className="text-slate-600">Window</span>
        {/* point indices of the window: tests drive the brush by keyboard and check these */}
        <strong data-testid="window" data-start={win[0]} data-end={win[1]}>
          {keys[win[0]]} → {keys[win[1]]}
        </strong>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-0.5"
          onClick={() => setWin([Math.max(0, n - 7), n - 1])}
        >
          Last 7 days
        </button>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-0.5"
          onClick={() => setWin([0, n - 1])}
        >
          All
        </button>
      </div>
      <EventList
        account={account}
        from={range.from}
        to={range.to}
        canAnnotate={canAnnotate}
        canReveal={canReveal}
      />
    </div>
  );
}
