'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';

// callbackUrl has been checked on the server (lib/auth/callback-url.ts): a path on this host.
export function LoginForm({ oidc, callbackUrl }: { oidc: boolean; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirect: false,
    });
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
    } else {
      setError(
        res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Wrong email or password.',
      );
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="Email">
        <Input name="email" type="email" required autoComplete="username" />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" required autoComplete="current-password" />
      </Field>
      {error && <Alert>{error}</Alert>}
      <Button type="submit" variant="primary" size="lg" loading={busy} className="w-full">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
      {oidc && (
        <Button size="lg" className="w-full" onClick={() => signIn('oidc', { callbackUrl })}>
          Sign in with single sign-on
        </Button>
      )}
    </form>
  );
}
