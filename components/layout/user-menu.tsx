'use client';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const router = useRouter();
  // next-auth's own redirect would go to NEXTAUTH_URL's host; a relative one keeps the user on the
  // host they use (an internal name, a tunnel) after the session cookie is cleared.
  const signOutHere = async () => {
    await signOut({ redirect: false });
    router.replace('/login');
    router.refresh();
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
      <Button size="sm" onClick={signOutHere}>
        Sign out
      </Button>
    </div>
  );
}
