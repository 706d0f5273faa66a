'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/form-controls';
import { ApiClientError } from '@/lib/client/fetch-json';
import type { CaseDetail } from '@/lib/queries/case';
import type { UserRef } from '@/lib/queries/user-refs';
import { CASE_SEVERITIES, type CaseSeverity } from '@/lib/schemas/case';
import { sendJson, useCaseMutation } from './cases-query';

interface Values {
  title: string;
  summary: string;
  severity: CaseSeverity;
  assignee_id: string | null;
  watcher_ids: string[];
  tags: string[];
  restricted: boolean;
}
type Current = Values & { version: number };

const valuesOf = (c: CaseDetail): Current => ({
  version: c.version,
  title: c.title,
  summary: c.summary,
  severity: c.severity,
  assignee_id: c.assignee?.id ?? null,
  watcher_ids: c.watchers.map((w) => w.id),
  tags: c.tags,
  restricted: c.restricted,
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const KEYS = [
  'title',
  'summary',
  'severity',
  'assignee_id',
  'watcher_ids',
  'tags',
  'restricted',
] as const;

/**
 * The case's fields. Saving sends only the fields this user changed, with the version the form
 * was based on. If someone else saved first (409), the form keeps the user's edits, lists what the
 * other change did, and takes the other change into every field the user did not touch.
 */
export function CaseDetails({
  c,
  users,
  canWrite,
}: {
  c: CaseDetail;
  users: UserRef[];
  canWrite: boolean;
}) {
  const [base, setBase] = useState<Current>(() => valuesOf(c));
  const [form, setForm] = useState<Values>(() => valuesOf(c));
  const [theirs, setTheirs] = useState<{ field: string; from: string; to: string }[]>([]);
  const [handled, setHandled] = useState<unknown>(null);
  const dirty = KEYS.filter((k) => !same(form[k], base[k]));
  // A refresh (someone else's change arriving) moves untouched fields along with it.
  const server = valuesOf(c);
  if (server.version > base.version && theirs.length === 0 && dirty.length === 0) {
    setBase(server);
    setForm(server);
  }
  const save = useCaseMutation(
    c.id,
    () =>
      sendJson<{ version: number }>(`/api/v1/cases/${c.id}`, 'PATCH', {
        version: base.version,
        ...Object.fromEntries(dirty.map((k) => [k, form[k]])),
      }),
    () => {
      setTheirs([]);
      setBase({ ...base, ...form, version: base.version + 1 });
    },
  );
  const err = save.error;
  if (
    err instanceof ApiClientError &&
    err.status === 409 &&
    err.details.current &&
    handled !== err
  ) {
    setHandled(err);
    const cur = err.details.current as Current;
    const changes = KEYS.filter((k) => !same(cur[k], base[k])).map((k) => ({
      field: k,
      from: show(base[k], users),
      to: show(cur[k], users),
    }));
    setTheirs(
      changes.length
        ? changes
        : [{ field: 'version', from: String(base.version), to: String(cur.version) }],
    );
    setForm(
      Object.fromEntries(
        KEYS.map((k) => [k, dirty.includes(k) ? form[k] : cur[k]]),
      ) as unknown as Values,
    );
    setBase(cur);
  }
  const set = <K extends keyof Values>(k: K, v: Values[K]) => setForm({ ...form, [k]: v });
  return (
    <Card title="Details">
      {theirs.length > 0 && (
        <div role="alert" className="mb-3 rounded bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Someone changed this case while you were editing:</p>
          <ul className="ml-4 list-disc">
            {theirs.map((t) => (
              <li key={t.field}>
                {t.field}: “{t.from}” → “{t.to}”
              </li>
            ))}
          </ul>
          <p>Your edits are kept. Save again to apply them on top, or reload to drop them.</p>
        </div>
      )}
      <form
        aria-label="Case details"
        className="grid grid-cols-2 gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <fieldset disabled={!canWrite} className="contents">
          <Field label="Title" className="col-span-2">
            <Input value={form.title} onChange={(e) => set('title', e.target.value)} required />
          </Field>
          <Field label="Summary" className="col-span-2">
            <Textarea
              value={form.summary}
              rows={3}
              onChange={(e) => set('summary', e.target.value)}
            />
          </Field>
          <Field label="Severity">
            <Select
              value={form.severity}
              onChange={(e) => set('severity', e.target.value as CaseSeverity)}
            >
              {CASE_SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Assignee">
            <Select
              value={form.assignee_id ?? ''}
              onChange={(e) => set('assignee_id', e.target.value || null)}
            >
              <option value="">unassigned</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Tags" hint="Comma-separated">
            <Input
              value={form.tags.join(', ')}
              onChange={(e) =>
                set(
                  'tags',
                  e.target.value
                    .split(',')
                    .map((t) => t.trim().toLowerCase())
                    .filter(Boolean),
                )
              }
            />
          </Field>
          <Field label="Watchers" hint="Ctrl/Cmd-click to pick several">
            <Select
              multiple
              value={form.watcher_ids}
              onChange={(e) =>
                set(
                  'watcher_ids',
                  [...e.target.selectedOptions].map((o) => o.value),
                )
              }
              className="h-20"
            >
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          </Field>
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={form.restricted}
              onChange={(e) => set('restricted', e.target.checked)}
            />
            Restricted: only the assignee, watchers, legal and admins can open this case
          </label>
          {canWrite && (
            <div className="col-span-2 flex items-center gap-2">
              <Button
                type="submit"
                variant="primary"
                disabled={dirty.length === 0}
                loading={save.isPending}
              >
                Save
              </Button>
              <span className="text-xs text-slate-600">version {base.version}</span>
            </div>
          )}
        </fieldset>
      </form>
      {err && !(err instanceof ApiClientError && err.status === 409) && (
        <Alert className="mt-2">{err.message}</Alert>
      )}
    </Card>
  );
}

function show(v: unknown, users: UserRef[]): string {
  if (v === null || v === undefined) return 'none';
  if (Array.isArray(v))
    return v.map((x) => users.find((u) => u.id === x)?.name ?? String(x)).join(', ') || 'none';
  if (typeof v === 'string') return users.find((u) => u.id === v)?.name ?? v;
  return String(v);
}
