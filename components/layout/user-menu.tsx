'use client';
import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

// next-auth would redirect to NEXTAUTH_URL's host after sign-out; the user stays on the host they use.
async function signOutHere() {
  await signOut({ redirect: false });
  window.location.assign('/login');
}

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
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
      <Button size="sm" onClick={signOutHere}>
        Sign out
      </Button>
    </div>
  );
}
