'use client';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { fetchJson } from '@/lib/client/fetch-json';

// Sign out ends this session on the server (lib/auth/options.ts events.signOut); "End my
// sessions" ends every session of the user, on every device (lib/auth/sessions.ts).
export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const router = useRouter();
  // next-auth's own redirect would go to NEXTAUTH_URL's host; a relative one keeps the user on the
  // host they use (an internal name, a tunnel) after the session cookie is cleared.
  const signOutHere = async () => {
    await signOut({ redirect: false });
    router.replace('/login');
    router.refresh();
  };
  const endAll = async () => {
    await fetchJson('/api/v1/me/sessions', { method: 'DELETE' }).catch(() => null);
    await signOutHere();
  };
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="current-user">
        {name} <span className="text-slate-600">({email})</span>
      </span>
      <span
        data-testid="current-role"
        className="rounded bg-slate-100 px-2 py-0.5 font-medium uppercase tracking-wide text-slate-700"
      >
        {role}
      </span>
      <Link href="/password" className="text-slate-700 underline-offset-2 hover:underline">
        Password
      </Link>
      <Button size="sm" variant="ghost" onClick={endAll}>
        End my sessions
      </Button>
      <Button size="sm" onClick={signOutHere}>
        Sign out
      </Button>
    </div>
  );
}
