'use client';
import { useState } from 'react';
import type { QueueSummary } from '@/lib/queries/queues-summary';
import { useBulkItems } from './queues-query';

type Kind = 'assign' | 'release' | 'snooze';

/**
 * Bulk actions on the selected items: the server first previews how many items it will change
 * (it locks and checks them), then the confirmed action runs all or nothing, one audit row per item.
 */
export function BulkBar({
  ids,
  queues,
  onDone,
}: {
  ids: string[];
  queues: QueueSummary[];
  onDone: () => void;
}) {
  const bulk = useBulkItems();
  const [kind, setKind] = useState<Kind>('assign');
  const [assigneeId, setAssignee] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<number | null>(null);
  const people = new Map(queues.flatMap((q) => q.members).map((m) => [m.id, m]));
  const body = () => {
    const base = { ids, reason, preview: false };
    if (kind === 'assign') return { ...base, action: 'assign' as const, assigneeId };
    if (kind === 'snooze')
      return { ...base, action: 'snooze' as const, until: new Date(until).toISOString() };
    return { ...base, action: 'release' as const };
  };
  const input = 'rounded border border-slate-300 px-2 py-1';
  const reset = () => setPreview(null);
  return (
    <form
      aria-label="Bulk action"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (preview === null)
          bulk.mutate({ ...body(), preview: true }, { onSuccess: (r) => setPreview(r.count) });
        else
          bulk.mutate(body(), {
            onSuccess: () => {
              setPreview(null);
              setReason('');
              onDone();
            },
          });
      }}
    >
      <span className="self-center font-medium">{ids.length} selected</span>
      <label className="flex flex-col">
        Action
        <select
          className={input}
          value={kind}
          onChange={(e) => (setKind(e.target.value as Kind), reset())}
        >
          <option value="assign">Assign</option>
          <option value="release">Release</option>
          <option value="snooze">Snooze</option>
        </select>
      </label>
      {kind === 'assign' && (
        <label className="flex flex-col">
          Assignee
          <select
            className={input}
            required
            value={assigneeId}
            onChange={(e) => (setAssignee(e.target.value), reset())}
          >
            <option value="">choose…</option>
            {[...people.values()].map((m) => (
              <option key={m.id} value={m.id}>
                {m.email}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'snooze' && (
        <label className="flex flex-col">
          Snooze until (local time)
          <input
            type="datetime-local"
            required
            className={input}
            value={until}
            onChange={(e) => (setUntil(e.target.value), reset())}
          />
        </label>
      )}
      <label className="flex min-w-64 flex-1 flex-col">
        Reason (required)
        <input
          required
          className={input}
          value={reason}
          onChange={(e) => (setReason(e.target.value), reset())}
        />
      </label>
      <button
        disabled={bulk.isPending || ids.length === 0}
        className="rounded bg-slate-900 px-3 py-1.5 text-white"
      >
        {preview === null ? 'Preview' : `Apply to ${preview} item${preview === 1 ? '' : 's'}`}
      </button>
      {preview !== null && (
        <p className="w-full text-sm text-slate-700" role="status">
          {preview} item{preview === 1 ? '' : 's'} will change; each gets its own audit row. Nothing
          changes if any one of them is refused.
        </p>
      )}
      {bulk.error && (
        <p role="alert" className="w-full text-red-700">
          {bulk.error.message}
        </p>
      )}
    </form>
  );
}
