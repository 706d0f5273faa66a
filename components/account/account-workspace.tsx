'use client';
import { useMemo } from 'react';
import type { AccountSeries } from '@/lib/queries/account-series';
import type { HourOfWeek } from '@/lib/queries/hour-of-week';
import { HeatMap } from '@/components/charts/heat-map';
import { PanelEmpty } from '@/components/charts/panel';
import { AccountCharts } from './account-charts';
import { EventList } from './event-list';
import { ViewControls } from './view-controls';
import { useAccountView } from './use-view';

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

// Owns the brushed window shared by the charts and the event list below them (kept in the URL).
type Props = {
  account: string;
  series: AccountSeries;
  hourOfWeek: HourOfWeek;
  canAnnotate: boolean;
  canReveal: boolean;
};

export function AccountWorkspace(props: Props) {
  if (props.series.points.length === 0)
    return <PanelEmpty>No traffic rolled up for this account yet.</PanelEmpty>;
  return <Workspace {...props} />;
}

function Workspace({ account, series, hourOfWeek, canAnnotate, canReveal }: Props) {
  const keys = useMemo(() => series.points.map((p) => p.key), [series.points]);
  const view = useAccountView(keys);
  const { win, setWin } = view;
  const range = windowRange(keys, view.settled[0], view.settled[1]);
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
      <ViewControls keys={keys} view={view} />
      <EventList
        account={account}
        from={range.from}
        to={range.to}
        order={view.order}
        canAnnotate={canAnnotate}
        canReveal={canReveal}
      />
    </div>
  );
}
