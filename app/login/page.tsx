import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { oidcConfig } from '@/lib/env';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { LoginForm } from '@/components/auth/login-form';

// Public page: the only one that does not call requirePage (it is where requirePage sends you).
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center">
      <div className="w-96 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Distill Watch</h1>
        <p className="mb-6 text-slate-600">Sign in to investigate distillation abuse.</p>
        <LoginForm oidc={!!oidcConfig()} callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
