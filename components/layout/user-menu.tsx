'use client';
import { signOut } from 'next-auth/react';

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="current-user">
        {name} <span className="text-slate-500">({email})</span>
      </span>
      <span
        data-testid="current-role"
        className="rounded bg-slate-100 px-2 py-0.5 font-medium uppercase tracking-wide text-slate-700"
      >
        {role}
      </span>
      <button
        onClick={() => signOut({ callbackUrl: '/login' })}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
      >
        Sign out
      </button>
    </div>
  );
}
