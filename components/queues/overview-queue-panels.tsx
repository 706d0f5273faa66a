import Link from 'next/link';
import { load, Panel, PanelEmpty, PanelError } from '@/components/charts/panel';
import { getQueueSummaries } from '@/lib/queries/queues-summary';
import {
  getCasesClosedByOutcome,
  getDepthOverTime,
  getQueueTimings,
} from '@/lib/queries/team-metrics';
import { BreachesChart, DepthChart, OutcomesChart, TimingsChart } from './team-charts';

/** Overview: depth and SLA breaches per queue (every active queue, totals on top). */
export async function QueueHealthPanel({ userId }: { userId: string }) {
  const r = await load(() => getQueueSummaries(null, userId));
  const open = r.ok ? r.data.reduce((a, q) => a + q.open, 0) : 0;
  const breached = r.ok ? r.data.reduce((a, q) => a + q.breached, 0) : 0;
  return (
    <Panel
      title="Review queues"
      subtitle={
        r.ok
          ? `${open.toLocaleString('en')} open items, ${breached.toLocaleString('en')} past their SLA`
          : undefined
      }
      h="min-h-40"
      testId="queue-health"
      actions={
        <Link className="text-sm text-blue-700" href="/queues">
          Queues →
        </Link>
      }
    >
      {!r.ok ? (
        <PanelError error={r.error} />
      ) : r.data.length === 0 ? (
        <PanelEmpty>No review queues yet.</PanelEmpty>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1">Queue</th>
              <th className="py-1 text-right">Open</th>
              <th className="py-1 text-right">Unclaimed</th>
              <th className="py-1 text-right">At risk</th>
              <th className="py-1 text-right">Breached</th>
            </tr>
          </thead>
          <tbody>
            {r.data.map((q) => (
              <tr key={q.id} className="border-t border-slate-100">
                <td className="py-1">{q.name}</td>
                <td className="py-1 text-right tabular-nums">{q.open}</td>
                <td className="py-1 text-right tabular-nums">{q.unclaimed}</td>
                <td className="py-1 text-right tabular-nums">{q.at_risk}</td>
                <td
                  className={`py-1 text-right tabular-nums ${q.breached ? 'font-semibold text-red-700' : ''}`}
                >
                  {q.breached}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Overview, admins: team metrics over the last 30 days. */
export async function TeamMetricsPanel() {
  const r = await load(() =>
    Promise.all([getDepthOverTime(30), getQueueTimings(30), getCasesClosedByOutcome(30)]),
  );
  if (!r.ok)
    return (
      <Panel title="Team metrics" h="min-h-96">
        <PanelError error={r.error} />
      </Panel>
    );
  const [depth, timings, outcomes] = r.data;
  const sub = (s: string) => <h3 className="mb-1 text-sm font-medium text-slate-700">{s}</h3>;
  return (
    <Panel
      title="Team metrics"
      subtitle="Last 30 days, UTC days; times in minutes from routing"
      h="min-h-96"
      testId="team-metrics"
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          {sub('Queue depth (open items at the end of each day)')}
          <DepthChart data={depth} />
        </div>
        <div>
          {sub('SLA breaches per queue (items routed in the period)')}
          {timings.length ? (
            <BreachesChart data={timings} />
          ) : (
            <PanelEmpty>No queues yet.</PanelEmpty>
          )}
        </div>
        <div>
          {sub('Time to first action: median and p90')}
          {timings.length ? (
            <TimingsChart data={timings} which="first_action" />
          ) : (
            <PanelEmpty>No queues yet.</PanelEmpty>
          )}
        </div>
        <div>
          {sub('Time to decision: median and p90')}
          {timings.length ? (
            <TimingsChart data={timings} which="decision" />
          ) : (
            <PanelEmpty>No queues yet.</PanelEmpty>
          )}
        </div>
        <div>
          {sub('Cases closed per outcome')}
          {outcomes.length ? (
            <OutcomesChart data={outcomes} />
          ) : (
            <PanelEmpty>No cases closed in the period.</PanelEmpty>
          )}
        </div>
      </div>
    </Panel>
  );
}
