'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import type { TPrivilegeEntry } from '@/lib/schemas/export';
import { useCreateExport } from './exports-query';
import { PrivilegeLogEditor } from './privilege-log-editor';
import { ScopePicker } from './scope-picker';

export interface BuilderScope {
  caseId: string;
  accounts: { id: string; risk: number | null }[];
  clusters: { id: string; members: number | null }[];
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
    <Card
      title="Build a package"
      description="A signed BagIt package of the chosen accounts and clusters, built in the background."
    >
      <form onSubmit={submit} className="space-y-4" aria-label="Build an evidence package">
        <ScopePicker
          legend="Clusters"
          items={scope.clusters.map((c) => ({
            id: c.id,
            note: c.members ? `${c.members} members` : '',
          }))}
          chosen={clusters}
          onChange={setClusters}
        />
        <ScopePicker
          legend="Accounts"
          items={scope.accounts.map((a) => ({
            id: a.id,
            note: a.risk == null ? '' : `risk ${(a.risk * 100).toFixed(0)}%`,
          }))}
          chosen={accounts}
          onChange={setAccounts}
        />
        <div className="flex flex-wrap items-end gap-4">
          <Field label="From (UTC day, inclusive)">
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label="To (UTC day, inclusive)">
            <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field label="Fields">
            <Select
              value={fields}
              onChange={(e) => setFields(e.target.value === 'hashes' ? 'hashes' : 'full')}
            >
              <option value="full">Full prompts and responses</option>
              <option value="hashes">Hashes only</option>
            </Select>
          </Field>
          <label className="flex items-center gap-2 pb-1 text-sm">
            <input
              type="checkbox"
              checked={fields === 'hashes' || redact}
              disabled={fields === 'hashes'}
              onChange={(e) => setRedact(e.target.checked)}
            />
            Redact third-party personal data (emails, phones, keys, card numbers)
          </label>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <Field label="Sample seed" hint="Blank: the case id.">
            <Input value={seed} onChange={(e) => setSeed(e.target.value)} />
          </Field>
          <Field label="Exhibit sample size (events)">
            <Input
              type="number"
              min={1}
              max={10000}
              className="w-32"
              value={size}
              onChange={(e) => setSize(Number(e.target.value))}
            />
          </Field>
        </div>
        <PrivilegeLogEditor rows={privilege} onChange={setPrivilege} />
        {create.error && <Alert>{create.error.message}</Alert>}
        {create.isSuccess && (
          <Alert tone="info">Package queued; its progress shows in the list below.</Alert>
        )}
        <Button
          type="submit"
          variant="primary"
          loading={create.isPending}
          disabled={accounts.size + clusters.size === 0}
        >
          Build package
        </Button>
      </form>
    </Card>
  );
}
