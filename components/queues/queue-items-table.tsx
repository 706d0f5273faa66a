'use client';
import Link from 'next/link';
import type { QueueItemListRow } from '@/lib/queries/queue-items';
import { SLA_CLASS, SLA_LABEL, subjectHref, utc, utcShort } from './format';

/** Presentational: the columns of a page of queue items, with a selection checkbox per row. */
export function QueueItemsTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  renderActions,
}: {
  rows: QueueItemListRow[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
  renderActions: (row: QueueItemListRow) => React.ReactNode;
}) {
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <table
      className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm"
      aria-label="Queue items"
    >
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="w-8 px-3 py-2">
            <input
              type="checkbox"
              aria-label="Select all items on this page"
              checked={all}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          </th>
          <th className="px-3 py-2">Subject</th>
          <th className="px-3 py-2">Queue</th>
          <th className="px-3 py-2 text-right">Risk</th>
          <th className="px-3 py-2">SLA</th>
          <th className="px-3 py-2">Due (UTC)</th>
          <th className="px-3 py-2">Assignee</th>
          <th className="px-3 py-2">Routed (UTC)</th>
          <th className="px-3 py-2">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100" data-testid={`item-${r.subject_id}`}>
            <td className="px-3 py-1.5">
              <input
                type="checkbox"
                aria-label={`Select ${r.subject_type} ${r.subject_id}`}
                checked={selected.has(r.id)}
                onChange={() => onToggle(r.id)}
              />
            </td>
            <td className="px-3 py-1.5">
              <span className="mr-1 text-xs text-slate-600">{r.subject_type}</span>
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={subjectHref(r.subject_type, r.subject_id)}
              >
                {r.subject_id}
              </Link>
            </td>
            <td className="px-3 py-1.5">{r.queue_name}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{r.risk.toFixed(2)}</td>
            <td className="px-3 py-1.5">
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${SLA_CLASS[r.sla]}`}
              >
                {SLA_LABEL[r.sla]}
              </span>
            </td>
            <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">
              {r.status === 'done' ? (r.resolution ?? 'done') : utcShort(r.due_at)}
            </td>
            <td className="px-3 py-1.5">
              {r.assignee_email ??
                (r.snoozed_until ? (
                  <span className="text-slate-600">snoozed to {utc(r.snoozed_until)}</span>
                ) : (
                  <span className="text-slate-600">unclaimed</span>
                ))}
            </td>
            <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">
              {utcShort(r.created_at)}
            </td>
            <td className="px-3 py-1.5">
              <div className="flex flex-wrap justify-end gap-1">{renderActions(r)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
