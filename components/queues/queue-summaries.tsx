'use client';
import Link from 'next/link';
import type { QueueSummary } from '@/lib/queries/queues-summary';
import { minutes } from './format';

/** Depth and SLA per queue; each count links to the items behind it. */
export function QueueSummaries({ queues }: { queues: QueueSummary[] }) {
  const href = (q: QueueSummary, extra: string) => `/queues?queue=${q.id}${extra}`;
  const cell = 'px-3 py-1.5 text-right tabular-nums';
  return (
    <table
      className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm"
      aria-label="Queues"
    >
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-3 py-2">Queue</th>
          <th className="px-3 py-2">SLA (first action / decision)</th>
          <th className="px-3 py-2 text-right">Open</th>
          <th className="px-3 py-2 text-right">Unclaimed</th>
          <th className="px-3 py-2 text-right">Claimed</th>
          <th className="px-3 py-2 text-right">Snoozed</th>
          <th className="px-3 py-2 text-right">At risk</th>
          <th className="px-3 py-2 text-right">Breached</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.id} className="border-t border-slate-100" data-testid={`queue-row-${q.name}`}>
            <td className="px-3 py-1.5">
              <Link className="font-medium text-blue-700 hover:underline" href={href(q, '')}>
                {q.name}
              </Link>
              <span className="ml-2 text-xs text-slate-600">
                priority {q.priority}
                {q.is_member ? ' · member' : ''}
              </span>
            </td>
            <td className="px-3 py-1.5 text-slate-700">
              {minutes(q.sla_first_action_minutes)} / {minutes(q.sla_decision_minutes)}
            </td>
            <td className={cell}>
              <Link href={href(q, '&state=open')}>{q.open}</Link>
            </td>
            <td className={cell}>
              <Link href={href(q, '&state=unclaimed')}>{q.unclaimed}</Link>
            </td>
            <td className={cell}>
              <Link href={href(q, '&state=claimed')}>{q.claimed}</Link>
            </td>
            <td className={cell}>
              <Link href={href(q, '&state=snoozed')}>{q.snoozed}</Link>
            </td>
            <td className={cell}>
              <Link href={href(q, '&sla=at_risk')}>{q.at_risk}</Link>
            </td>
            <td className={`${cell} ${q.breached ? 'font-semibold text-red-700' : ''}`}>
              <Link href={href(q, '&sla=breached')}>{q.breached}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
