'use client';
import { useState } from 'react';
import type { TPrivilegeEntry } from '@/lib/schemas/export';
import { useCreateExport } from './exports-query';
import { PrivilegeLogEditor } from './privilege-log-editor';

export interface BuilderScope {
  caseId: string;
  accounts: { id: string; risk: number | null }[];
  clusters: { id: string; members: number | null }[];
}

const box = 'rounded-lg border border-slate-200 bg-white p-4';
const input = 'rounded border border-slate-300 px-2 py-1';

function Pick({
  legend,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  items: { id: string; note: string }[];
  chosen: Set<string>;
  onChange: (s: Set<string>) => void;
}) {
  if (items.length === 0) return null;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset>
      <legend className="font-medium">
        {legend} ({chosen.size} of {items.length})
      </legend>
      <div className="mt-1 max-h-40 overflow-y-auto">
        {items.map((it) => (
          <label key={it.id} className="mr-4 inline-flex items-center gap-1.5 py-0.5">
            <input type="checkbox" checked={chosen.has(it.id)} onChange={() => toggle(it.id)} />
            <span className="font-mono text-xs">{it.id}</span>
            <span className="text-xs text-slate-600">{it.note}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Builder form: scope, time range, fields, redaction, sample seed, privilege log → a job. */
export function ExportBuilder({ scope }: { scope: BuilderScope }) {
  const create = useCreateExport(scope.caseId);
  const [accounts, setAccounts] = useState(() => new Set(scope.accounts.map((a) => a.id)));
  const [clusters, setClusters] = useState(() => new Set(scope.clusters.map((c) => c.id)));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [fields, setFields] = useState<'full' | 'hashes'>('full');
  const [redact, setRedact] = useState(true);
  const [seed, setSeed] = useState('');
  const [size, setSize] = useState(50);
  const [privilege, setPrivilege] = useState<TPrivilegeEntry[]>([]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({
      accountIds: [...accounts],
      clusterIds: [...clusters],
      from: from || undefined,
      to: to || undefined,
      fields,
      redact: fields === 'full' ? redact : true,
      sampleSeed: seed || undefined,
      sampleSize: size,
      privilegeLog: privilege,
    });
  };
  return (
    <form onSubmit={submit} className={`${box} space-y-4`} aria-label="Build an evidence package">
      <Pick
        legend="Clusters"
        items={scope.clusters.map((c) => ({
          id: c.id,
          note: c.members ? `${c.members} members` : '',
        }))}
        chosen={clusters}
        onChange={setClusters}
      />
      <Pick
        legend="Accounts"
        items={scope.accounts.map((a) => ({
          id: a.id,
          note: a.risk == null ? '' : `risk ${(a.risk * 100).toFixed(0)}%`,
        }))}
        chosen={accounts}
        onChange={setAccounts}
      />
      <div className="flex flex-wrap gap-6">
        <label className="flex flex-col text-sm">
          From (UTC day, inclusive)
          <input
            type="date"
            className={input}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="flex flex-col text-sm">
          To (UTC day, inclusive)
          <input type="date" className={input} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <fieldset className="text-sm">
          <legend>Fields</legend>
          <label className="mr-3">
            <input
              type="radio"
              name="fields"
              checked={fields === 'full'}
              onChange={() => setFields('full')}
            />{' '}
            Full prompts and responses
          </label>
          <label>
            <input
              type="radio"
              name="fields"
              checked={fields === 'hashes'}
              onChange={() => setFields('hashes')}
            />{' '}
            Hashes only
          </label>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={fields === 'hashes' || redact}
            disabled={fields === 'hashes'}
            onChange={(e) => setRedact(e.target.checked)}
          />
          Redact third-party personal data (emails, phones, keys, card numbers)
        </label>
      </div>
      <div className="flex flex-wrap gap-6">
        <label className="flex flex-col text-sm">
          Sample seed (blank = the case id)
          <input className={input} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <label className="flex flex-col text-sm">
          Exhibit sample size (events)
          <input
            type="number"
            min={1}
            max={10000}
            className={`${input} w-32`}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          />
        </label>
      </div>
      <PrivilegeLogEditor rows={privilege} onChange={setPrivilege} />
      {create.error && (
        <p role="alert" className="text-red-700">
          {create.error.message}
        </p>
      )}
      {create.isSuccess && <p className="text-green-800">Package queued; progress shows below.</p>}
      <button
        type="submit"
        disabled={create.isPending || accounts.size + clusters.size === 0}
        className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white disabled:opacity-50"
      >
        Build package
      </button>
    </form>
  );
}
