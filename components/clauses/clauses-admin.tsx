'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import { ApiClientError, fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { ClauseView } from '@/lib/queries/clauses';
import type { TClauseVersionInput } from '@/lib/schemas/clause';
import {
  AddVersionForm,
  ClauseVersionFields,
  emptyVersion,
  toVersionInput,
} from './clause-version-form';

const keys = { list: ['admin', 'clauses'] as const };
const STATE_TONE = { in_force: 'success', superseded: 'neutral', scheduled: 'info' } as const;
const send = (url: string, body: unknown) =>
  fetchJson(url, { method: 'POST', body: JSON.stringify(body) });

/** The ToS clause catalogue: clauses, their versions (never edited once in force), new ones. */
export function ClausesAdmin({ initial }: { initial: ClauseView[] }) {
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [first, setFirst] = useState(emptyVersion);
  const { data } = useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) =>
      fetchJson<{ clauses: ClauseView[] }>('/api/v1/admin/clauses', { signal }),
    initialData: { clauses: initial },
  });
  const refresh = () => refreshQueries(qc, keys.list);
  const create = useMutation({
    mutationFn: () =>
      send('/api/v1/admin/clauses', { code, title, first_version: toVersionInput(first) }),
    onSuccess: () => {
      setCode('');
      setTitle('');
      setFirst(emptyVersion);
    },
    onSettled: refresh,
  });
  const addVersion = useMutation({
    mutationFn: (v: { id: string; body: TClauseVersionInput }) =>
      send(`/api/v1/admin/clauses/${v.id}/versions`, v.body),
    onSettled: refresh,
  });
  const error = create.error ?? addVersion.error;
  const errorField = error instanceof ApiClientError ? error.field : undefined;
  return (
    <div className="flex flex-col gap-4">
      {data.clauses.map((k) => (
        <Card key={k.id} title={`${k.code} ${k.title}`}>
          <ol aria-label={`Versions of ${k.code}`} className="flex flex-col gap-2 text-sm">
            {k.versions.map((v) => (
              <li key={v.id} className="border-l-2 border-slate-300 pl-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Version {v.version}</span>
                  <span className="text-slate-700">
                    in force from {v.effective_from.slice(0, 16).replace('T', ' ')} UTC
                  </span>
                  <Badge tone={STATE_TONE[v.state]}>{v.state.replace('_', ' ')}</Badge>
                </div>
                <p className="whitespace-pre-wrap text-slate-800">{v.text}</p>
              </li>
            ))}
          </ol>
          <AddVersionForm
            busy={addVersion.isPending}
            onAdd={(body) => addVersion.mutateAsync({ id: k.id, body })}
          />
        </Card>
      ))}
      <Card title="New clause" description="A clause starts with its first version.">
        <form
          aria-label="New clause"
          className="grid grid-cols-2 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label="Code" error={errorField === 'code' ? 'check this field' : null}>
            <Input value={code} placeholder="4.2" onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Field label="Title">
            <Input value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <ClauseVersionFields value={first} onChange={setFirst} errorField={errorField} />
          <div>
            <Button type="submit" loading={create.isPending}>
              Create clause
            </Button>
          </div>
        </form>
      </Card>
      {error && <Alert>{error.message}</Alert>}
    </div>
  );
}
