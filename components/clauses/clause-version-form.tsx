'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/form-controls';
import type { TClauseVersionInput } from '@/lib/schemas/clause';

/** Version label, text and effective date (a local date and time, sent as UTC). */
export function ClauseVersionFields({
  value,
  onChange,
  errorField,
}: {
  value: { version: string; text: string; effective: string };
  onChange: (v: { version: string; text: string; effective: string }) => void;
  errorField?: string;
}) {
  return (
    <>
      <Field label="Version" error={errorField === 'version' ? 'check this field' : null}>
        <Input
          value={value.version}
          placeholder="2026-03"
          onChange={(e) => onChange({ ...value, version: e.target.value })}
        />
      </Field>
      <Field
        label="In force from (UTC)"
        error={errorField === 'effective_from' ? 'check this field' : null}
      >
        <Input
          type="datetime-local"
          value={value.effective}
          onChange={(e) => onChange({ ...value, effective: e.target.value })}
        />
      </Field>
      <Field label="Clause text" className="col-span-2">
        <Textarea
          rows={3}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
      </Field>
    </>
  );
}

export const emptyVersion = { version: '', text: '', effective: '' };

export const toVersionInput = (v: typeof emptyVersion): TClauseVersionInput => ({
  version: v.version,
  text: v.text,
  effective_from: v.effective
    ? `${v.effective.length === 16 ? `${v.effective}:00` : v.effective}Z`
    : '',
});

/** "Add a version" under a clause. */
export function AddVersionForm({
  onAdd,
  busy,
}: {
  onAdd: (v: TClauseVersionInput) => Promise<unknown>;
  busy: boolean;
}) {
  const [v, setV] = useState(emptyVersion);
  return (
    <form
      aria-label="Add a version"
      className="mt-2 grid grid-cols-2 gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(toVersionInput(v)).then(
          () => setV(emptyVersion),
          () => undefined,
        );
      }}
    >
      <ClauseVersionFields value={v} onChange={setV} />
      <div>
        <Button type="submit" size="sm" loading={busy}>
          Add version
        </Button>
      </div>
    </form>
  );
}
