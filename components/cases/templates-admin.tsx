'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/form-controls';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseTemplateDto } from '@/lib/cases/templates';
import { CASE_SEVERITIES, type TCaseTemplate } from '@/lib/schemas/case';

const EMPTY: TCaseTemplate = {
  case_type: '',
  name: '',
  description: '',
  severity: 'medium',
  tasks: [],
};

/** Admins' list of case templates with an edit form (saving an existing type replaces it). */
export function TemplatesAdmin({ initial }: { initial: CaseTemplateDto[] }) {
  const router = useRouter();
  const [form, setForm] = useState<TCaseTemplate>(EMPTY);
  const [tasks, setTasks] = useState('');
  const save = useMutation({
    mutationFn: () =>
      fetchJson('/api/v1/cases/templates', {
        method: 'PUT',
        body: JSON.stringify({
          ...form,
          tasks: tasks
            .split('\n')
            .map((t) => t.trim())
            .filter(Boolean),
        }),
      }),
    onSuccess: () => {
      setForm(EMPTY);
      setTasks('');
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (type: string) =>
      fetchJson(`/api/v1/cases/templates/${encodeURIComponent(type)}`, { method: 'DELETE' }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="grid grid-cols-2 gap-4">
      <Card title={`Templates (${initial.length})`}>
        <ul className="flex flex-col gap-3 text-sm">
          {initial.map((t) => (
            <li key={t.case_type} className="rounded border border-slate-200 p-2">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">
                  {t.name} <span className="font-mono text-xs text-slate-700">{t.case_type}</span>
                </span>
                <span className="flex gap-1">
                  <Button
                    size="sm"
                    onClick={() => {
                      setForm(t);
                      setTasks(t.tasks.join('\n'));
                    }}
                  >
                    Edit {t.name}
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => remove.mutate(t.case_type)}>
                    Delete {t.name}
                  </Button>
                </span>
              </div>
              <div className="text-slate-700">
                severity {t.severity} · {t.tasks.length} tasks
              </div>
            </li>
          ))}
        </ul>
        {remove.error && <Alert className="mt-2">{remove.error.message}</Alert>}
      </Card>
      <Card title="Save a template">
        <form
          aria-label="Case template"
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Field label="Case type" hint="lowercase id, e.g. capability-sweep">
            <Input
              value={form.case_type}
              onChange={(e) => setForm({ ...form, case_type: e.target.value })}
              required
            />
          </Field>
          <Field label="Name">
            <Input
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              required
            />
          </Field>
          <Field label="Description">
            <Input
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </Field>
          <Field label="Default severity">
            <Select
              value={form.severity}
              onChange={(e) =>
                setForm({ ...form, severity: e.target.value as TCaseTemplate['severity'] })
              }
            >
              {CASE_SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Tasks" hint="One per line">
            <Textarea value={tasks} rows={5} onChange={(e) => setTasks(e.target.value)} />
          </Field>
          {save.error && <Alert>{save.error.message}</Alert>}
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save template
          </Button>
        </form>
      </Card>
    </div>
  );
}
