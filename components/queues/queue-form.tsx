'use client';
import { useState } from 'react';
import type { QueueRow } from '@/lib/queues/queues';
import type { TQueueFilter } from '@/lib/schemas/queue';
import { useUsers } from '@/components/admin/users-query';
import { ApiClientError } from '@/lib/client/fetch-json';
import { useSaveQueue } from './queues-query';

const list = (s: FormDataEntryValue | null) =>
  String(s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const numOr = (s: FormDataEntryValue | null) =>
  String(s ?? '').trim() === '' ? undefined : Number(s);

/** Create or edit a queue: filter over open flags, SLA, priority and members. */
export function QueueForm({ queue, onDone }: { queue?: QueueRow; onDone: () => void }) {
  const save = useSaveQueue();
  const users = useUsers();
  const f = (queue?.filter ?? {}) as TQueueFilter;
  const [members, setMembers] = useState<Set<string>>(new Set(queue?.member_ids ?? []));
  const input = 'rounded border border-slate-300 px-2 py-1';
  const workers = (users.data?.users ?? []).filter((u) => u.role !== 'legal' && !u.disabled);
  return (
    <form
      aria-label={queue ? `Edit queue ${queue.name}` : 'Create queue'}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const d = new FormData(e.currentTarget);
        const kinds = d.getAll('kind').map(String) as ('account' | 'cluster')[];
        const filter: TQueueFilter = {
          ...(kinds.length && kinds.length < 2 ? { subjectKinds: kinds } : {}),
          riskMin: numOr(d.get('riskMin')),
          riskMax: numOr(d.get('riskMax')),
          clusterSizeMin: numOr(d.get('clusterSizeMin')),
          clusterSizeMax: numOr(d.get('clusterSizeMax')),
          ...(list(d.get('signals')).length ? { signals: list(d.get('signals')) } : {}),
          ...(list(d.get('models')).length ? { models: list(d.get('models')) } : {}),
          ...(list(d.get('countries')).length ? { countries: list(d.get('countries')) } : {}),
        };
        save.mutate(
          {
            id: queue?.id,
            name: String(d.get('name')),
            description: String(d.get('description') ?? ''),
            priority: Number(d.get('priority')),
            slaFirstActionMinutes: Number(d.get('slaFirst')),
            slaDecisionMinutes: Number(d.get('slaDecision')),
            filter: JSON.parse(JSON.stringify(filter)) as TQueueFilter,
            memberIds: [...members],
          },
          { onSuccess: onDone },
        );
      }}
    >
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col">
          Name
          <input name="name" required maxLength={80} defaultValue={queue?.name} className={input} />
        </label>
        <label className="flex min-w-80 flex-1 flex-col">
          Description
          <input
            name="description"
            maxLength={500}
            defaultValue={queue?.description}
            className={input}
          />
        </label>
        <label className="flex flex-col">
          Priority (lower first)
          <input
            name="priority"
            type="number"
            min={0}
            max={10000}
            required
            defaultValue={queue?.priority ?? 100}
            className={`${input} w-32`}
          />
        </label>
        <label className="flex flex-col">
          First action within (min)
          <input
            name="slaFirst"
            type="number"
            min={1}
            required
            defaultValue={queue?.sla_first_action_minutes ?? 240}
            className={`${input} w-40`}
          />
        </label>
        <label className="flex flex-col">
          Decision within (min)
          <input
            name="slaDecision"
            type="number"
            min={1}
            required
            defaultValue={queue?.sla_decision_minutes ?? 2880}
            className={`${input} w-40`}
          />
        </label>
      </div>
      <fieldset className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">
          Filter over open flags (empty = every flag)
        </legend>
        <span className="flex gap-3 self-center">
          {(['account', 'cluster'] as const).map((k) => (
            <label key={k} className="flex items-center gap-1">
              <input
                type="checkbox"
                name="kind"
                value={k}
                defaultChecked={!f.subjectKinds || f.subjectKinds.includes(k)}
              />
              {k}s
            </label>
          ))}
        </span>
        {(
          [
            ['riskMin', 'Risk from', f.riskMin, 0.01],
            ['riskMax', 'Risk to', f.riskMax, 0.01],
            ['clusterSizeMin', 'Cluster size from', f.clusterSizeMin, 1],
            ['clusterSizeMax', 'Cluster size to', f.clusterSizeMax, 1],
          ] as const
        ).map(([name, label, v, step]) => (
          <label key={name} className="flex flex-col">
            {label}
            <input
              name={name}
              type="number"
              min={step === 1 ? 1 : 0}
              max={step === 1 ? undefined : 1}
              step={step}
              defaultValue={v}
              className={`${input} w-32`}
            />
          </label>
        ))}
        <label className="flex flex-col">
          Signals (all of, comma-separated)
          <input name="signals" defaultValue={f.signals?.join(', ')} className={input} />
        </label>
        <label className="flex flex-col">
          Models (any of)
          <input name="models" defaultValue={f.models?.join(', ')} className={input} />
        </label>
        <label className="flex flex-col">
          Countries (any of, ISO codes)
          <input name="countries" defaultValue={f.countries?.join(', ')} className={input} />
        </label>
      </fieldset>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">
          Members (analysts and admins who claim from it)
        </legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {workers.map((u) => (
            <label key={u.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={members.has(u.id)}
                onChange={(e) =>
                  setMembers((s) => {
                    const n = new Set(s);
                    if (e.target.checked) n.add(u.id);
                    else n.delete(u.id);
                    return n;
                  })
                }
              />
              {u.email}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button disabled={save.isPending} className="rounded bg-slate-900 px-3 py-1.5 text-white">
          {queue ? 'Save queue' : 'Create queue'}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded border border-slate-300 px-3 py-1.5"
        >
          Cancel
        </button>
        {save.error && (
          <p role="alert" className="text-red-700">
            {save.error instanceof ApiClientError && save.error.field
              ? `${save.error.field}: `
              : ''}
            {save.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
