'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { fetchJson } from '@/lib/client/fetch-json';
import type { BulkPreview } from '@/lib/cases/bulk';
import {
  CASE_OUTCOME_LABEL,
  CASE_OUTCOMES,
  CASE_STATUS_LABEL,
  OPEN_STATUSES,
  type TCaseBulkOp,
} from '@/lib/schemas/case';

type Op = TCaseBulkOp['op'];

/** Bulk change of the selected cases: preview the count, give a reason, apply all or nothing. */
export function BulkBar({
  cases,
  onDone,
}: {
  cases: { id: string; version: number }[];
  onDone: (n: number) => void;
}) {
  const [op, setOp] = useState<Op>('status');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const change = (): TCaseBulkOp =>
    op === 'assign'
      ? { op, assignee_id: value || null }
      : op === 'tag'
        ? { op, add: value ? [value] : [], remove: [] }
        : op === 'status'
          ? { op, to: (value || 'triage') as (typeof OPEN_STATUSES)[number] }
          : { op, outcome: (value || 'no_violation') as (typeof CASE_OUTCOMES)[number] };
  const post = <T,>(url: string, body: unknown) =>
    fetchJson<T>(url, { method: 'POST', body: JSON.stringify(body) });
  const check = useMutation({
    mutationFn: () => post<BulkPreview>('/api/v1/cases/bulk/preview', { cases, change: change() }),
    onSuccess: setPreview,
  });
  const apply = useMutation({
    mutationFn: () =>
      post<{ affected: number }>('/api/v1/cases/bulk', { cases, change: change(), reason }),
    onSuccess: (r) => onDone(r.affected),
  });
  return (
    <form
      aria-label="Bulk change"
      className="flex flex-wrap items-end gap-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate();
      }}
    >
      <span className="self-center font-medium">{cases.length} selected</span>
      <Field label="Change">
        <Select
          value={op}
          onChange={(e) => {
            setOp(e.target.value as Op);
            setValue('');
            setPreview(null);
          }}
        >
          <option value="status">status</option>
          <option value="assign">assignee (user id)</option>
          <option value="tag">add tag</option>
          <option value="close">close with outcome</option>
        </Select>
      </Field>
      {op === 'status' || op === 'close' ? (
        <Field label={op === 'status' ? 'New status' : 'Outcome for every account'}>
          <Select value={value} onChange={(e) => (setValue(e.target.value), setPreview(null))}>
            {(op === 'status' ? OPEN_STATUSES : CASE_OUTCOMES).map((s) => (
              <option key={s} value={s}>
                {op === 'status'
                  ? CASE_STATUS_LABEL[s as (typeof OPEN_STATUSES)[number]]
                  : CASE_OUTCOME_LABEL[s as (typeof CASE_OUTCOMES)[number]]}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={op === 'assign' ? 'User id (empty: unassign)' : 'Tag'}>
          <Input value={value} onChange={(e) => (setValue(e.target.value), setPreview(null))} />
        </Field>
      )}
      <Field label="Reason">
        <Input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </Field>
      <Button onClick={() => check.mutate()} loading={check.isPending}>
        Preview
      </Button>
      <Button
        type="submit"
        variant="primary"
        disabled={!preview || preview.blocked.length > 0 || !reason.trim()}
        loading={apply.isPending}
      >
        Apply to {preview ? preview.affected : '…'} cases
      </Button>
      {preview && (
        <p role="status" className="w-full">
          {preview.affected} of {preview.selected} cases would change.
          {preview.blocked.length > 0 &&
            ` Blocked (nothing is applied until they are unselected): ${preview.blocked
              .map((b) => `#${b.number} ${b.message}`)
              .join('; ')}`}
        </p>
      )}
      {(check.error ?? apply.error) && (
        <Alert className="w-full">{(check.error ?? apply.error)!.message}</Alert>
      )}
    </form>
  );
}
