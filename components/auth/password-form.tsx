'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import { ApiClientError, fetchJson } from '@/lib/client/fetch-json';

const LABELS: Record<string, string> = {
  current_password: 'Current password',
  new_password: 'New password',
};

// The change ends every session of the user, this one too, so the form signs in again with the
// new password and goes on to the overview.
export function PasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const current = String(f.get('current_password'));
    const next = String(f.get('new_password'));
    if (next !== String(f.get('confirm'))) return setError('The two new passwords differ.');
    setBusy(true);
    setError(null);
    try {
      await fetchJson('/api/v1/me/password', {
        method: 'POST',
        body: JSON.stringify({ current_password: current, new_password: next }),
      });
      const res = await signIn('credentials', { email, password: next, redirect: false });
      if (!res?.ok || res.error) throw new Error(res?.error ?? 'Sign in again.');
      router.replace('/');
      router.refresh();
    } catch (err) {
      const field = err instanceof ApiClientError && err.field ? `${LABELS[err.field]} ` : '';
      setError(`${field}${(err as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Change password">
      <Field label="Current password">
        <Input name="current_password" type="password" required autoComplete="current-password" />
      </Field>
      <Field label="New password" hint="At least 10 characters.">
        <Input
          name="new_password"
          type="password"
          minLength={10}
          required
          autoComplete="new-password"
        />
      </Field>
      <Field label="Repeat the new password">
        <Input name="confirm" type="password" required autoComplete="new-password" />
      </Field>
      {error && <Alert>{error}</Alert>}
      <Button type="submit" variant="primary" size="lg" loading={busy} className="w-full">
        Change password
      </Button>
    </form>
  );
}
