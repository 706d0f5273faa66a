'use client';
import { useState } from 'react';
import { useCreateToken } from './tokens-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import { INGEST_SCOPES, type IngestScope } from '@/lib/schemas/ingest-token';

/**
 * Creates an ingest token. The secret comes back in the create answer only (the database keeps
 * its SHA-256): it is shown here once, until the admin dismisses it, and never again.
 */
export function TokenCreateForm() {
  const create = useCreateToken();
  const [key, setKey] = useState(0);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  return (
    <div className="space-y-3">
      <form
        key={key}
        aria-label="Create ingest token"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const expires = String(f.get('expires') ?? '');
          create.mutate(
            {
              name: String(f.get('name')),
              scopes: f.getAll('scopes') as IngestScope[],
              expires_at: expires ? `${expires}T00:00:00Z` : null,
            },
            {
              onSuccess: ({ token }) => {
                setSecret({ name: token.name, token: token.token });
                setKey((k) => k + 1);
              },
            },
          );
        }}
      >
        <Field label="Name">
          <Input name="name" required maxLength={100} />
        </Field>
        <fieldset className="flex gap-3 pb-2">
          <legend className="text-sm font-medium text-slate-800">May feed</legend>
          {INGEST_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'events'} />
              {s}
            </label>
          ))}
        </fieldset>
        <Field label="Expires (optional)" hint="at 00:00 UTC of that day; empty = never">
          <Input name="expires" type="date" />
        </Field>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create token
        </Button>
        {create.error && <Alert className="w-full">{create.error.message}</Alert>}
      </form>
      {secret && (
        <section
          aria-label="New ingest token"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <p className="font-medium">
            Token “{secret.name}” created. Copy it now: it is shown this once and cannot be shown
            again.
          </p>
          <code data-testid="new-token" className="block break-all rounded bg-white p-2 text-sm">
            {secret.token}
          </code>
          <Button size="sm" onClick={() => setSecret(null)}>
            I have copied it
          </Button>
        </section>
      )}
    </div>
  );
}
