'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseTemplateDto } from '@/lib/cases/templates';
import type { TCaseCreate } from '@/lib/schemas/case';

/**
 * "Open case" from an account, a cluster, a selection of accounts or a queue item: a small form
 * (title, case type from the admins' templates, restricted) that creates the case and opens it.
 */
export function OpenCaseButton({
  source,
  defaultTitle,
  label = 'Open case',
}: {
  source: TCaseCreate['source'];
  defaultTitle: string;
  label?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(defaultTitle);
  const [caseType, setCaseType] = useState('');
  const [restricted, setRestricted] = useState(false);
  const templates = useQuery({
    queryKey: ['cases', 'templates'],
    queryFn: ({ signal }) =>
      fetchJson<{ templates: CaseTemplateDto[] }>('/api/v1/cases/templates', { signal }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ case: { id: string } }>('/api/v1/cases', {
        method: 'POST',
        body: JSON.stringify({
          title,
          source,
          restricted,
          ...(caseType ? { case_type: caseType } : {}),
        }),
      }),
    onSuccess: (r) => router.push(`/cases/${r.case.id}`),
  });
  if (!open)
    return (
      <Button variant="primary" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <form
      aria-label="Open a case"
      className="flex flex-wrap items-end gap-2 rounded border border-slate-300 bg-white p-2"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Field label="Case title">
        <Input value={title} onChange={(e) => setTitle(e.target.value)} required className="w-64" />
      </Field>
      <Field label="Case type">
        <Select value={caseType} onChange={(e) => setCaseType(e.target.value)}>
          <option value="">none</option>
          {(templates.data?.templates ?? []).map((t) => (
            <option key={t.case_type} value={t.case_type}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex items-center gap-1 text-sm">
        <input
          type="checkbox"
          checked={restricted}
          onChange={(e) => setRestricted(e.target.checked)}
        />
        Restricted
      </label>
      <Button type="submit" variant="primary" loading={create.isPending}>
        Create case
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {create.error && <Alert className="w-full">{create.error.message}</Alert>}
    </form>
  );
}
