'use client';
import { useState } from 'react';
import { EmptyState, Skeleton } from '@/components/ui/page-header';
import type { QueueRow } from '@/lib/queues/queues';
import { QueueForm } from './queue-form';
import { useAdminQueues, useArchiveQueue } from './queues-query';
import { minutes } from './format';

function describeFilter(f: Record<string, unknown>): string {
  const parts = Object.entries(f).map(
    ([k, v]) => `${k} ${Array.isArray(v) ? v.join('/') : String(v)}`,
  );
  return parts.length ? parts.join(' · ') : 'every open flag';
}

/** Admin → Queues: list, create, edit, archive. */
export function QueuesAdmin() {
  const queues = useAdminQueues();
  const archive = useArchiveQueue();
  const [editing, setEditing] = useState<QueueRow | 'new' | null>(null);
  if (queues.isPending) return <Skeleton />;
  if (queues.error)
    return (
      <p role="alert" className="text-red-700">
        {queues.error.message}
      </p>
    );
  return (
    <div className="space-y-4">
      {editing ? (
        <QueueForm
          key={editing === 'new' ? 'new' : editing.id}
          queue={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button
          className="rounded bg-slate-900 px-3 py-1.5 text-white"
          onClick={() => setEditing('new')}
        >
          New queue
        </button>
      )}
      {archive.error && (
        <p role="alert" className="text-red-700">
          {archive.error.message}
        </p>
      )}
      {queues.data.queues.length === 0 ? (
        <EmptyState title="No queues yet">
          Open flags reach analysts through queues: create the first one.
        </EmptyState>
      ) : (
        <table
          className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm"
          aria-label="Queues"
        >
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2">Priority</th>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Filter</th>
              <th className="px-3 py-2">SLA (first action / decision)</th>
              <th className="px-3 py-2 text-right">Members</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queues.data.queues.map((q) => (
              <tr
                key={q.id}
                className="border-t border-slate-100"
                data-testid={`admin-queue-${q.name}`}
              >
                <td className="px-3 py-1.5 tabular-nums">{q.priority}</td>
                <td className="px-3 py-1.5">
                  <div className="font-medium">{q.name}</div>
                  <div className="text-xs text-slate-600">{q.description}</div>
                </td>
                <td className="px-3 py-1.5 text-slate-700">{describeFilter(q.filter)}</td>
                <td className="px-3 py-1.5">
                  {minutes(q.sla_first_action_minutes)} / {minutes(q.sla_decision_minutes)}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{q.member_ids.length}</td>
                <td className="px-3 py-1.5 text-right whitespace-nowrap">
                  <button
                    className="mr-2 rounded border border-slate-300 px-2 py-0.5"
                    onClick={() => setEditing(q)}
                  >
                    Edit
                  </button>
                  <button
                    className="rounded border border-slate-300 px-2 py-0.5"
                    onClick={() => {
                      const reason = window.prompt(
                        `Archive “${q.name}”? Its open items close. Reason:`,
                      );
                      if (reason !== null)
                        archive.mutate({ id: q.id, reason: reason || undefined });
                    }}
                  >
                    Archive
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
