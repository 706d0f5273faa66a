'use client';
import { useState } from 'react';
import { useCreateUser, useUpdateUser, useUsers } from './users-query';
import { Skeleton } from '@/components/ui/page-header';
import { ROLES, type Role } from '@/lib/auth/roles';

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();
  return (
    <div className="space-y-6">
      <CreateUserForm />
      {update.error && (
        <p role="alert" className="text-red-700">
          {update.error.message}
        </p>
      )}
      {users.isPending ? (
        <Skeleton />
      ) : users.error ? (
        <p role="alert" className="text-red-700">
          {users.error.message}
        </p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Last sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr
                key={u.id}
                className="border-t border-slate-100"
                data-testid={`user-row-${u.email}`}
              >
                <td className="px-3 py-1.5">{u.email}</td>
                <td className="px-3 py-1.5">{u.name}</td>
                <td className="px-3 py-1.5">
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    disabled={u.id === currentUserId || update.isPending}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                    className="rounded border border-slate-300 px-1 py-0.5"
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-1.5">
                  {u.disabled ? <span className="text-red-700">disabled</span> : 'active'}
                </td>
                <td className="px-3 py-1.5 text-slate-500">
                  {u.last_login_at
                    ? new Date(u.last_login_at).toISOString().slice(0, 16).replace('T', ' ')
                    : 'never'}
                </td>
                <td className="px-3 py-1.5 text-right">
                  {u.id !== currentUserId && (
                    <button
                      onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                      className="rounded border border-slate-300 px-2 py-0.5"
                    >
                      {u.disabled ? 'Enable' : 'Disable'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function CreateUserForm() {
  const create = useCreateUser();
  const [key, setKey] = useState(0);
  const input = 'rounded border border-slate-300 px-2 py-1';
  return (
    <form
      key={key}
      aria-label="Create user"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        create.mutate(
          {
            email: String(f.get('email')),
            name: String(f.get('name')),
            role: f.get('role') as Role,
            password: String(f.get('password')),
          },
          { onSuccess: () => setKey((k) => k + 1) },
        );
      }}
    >
      <label className="flex flex-col">
        Email
        <input name="email" type="email" required className={input} />
      </label>
      <label className="flex flex-col">
        Name
        <input name="name" required className={input} />
      </label>
      <label className="flex flex-col">
        Role
        <select name="role" className={input}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Initial password
        <input name="password" type="password" minLength={10} required className={input} />
      </label>
      <button disabled={create.isPending} className="rounded bg-slate-900 px-3 py-1.5 text-white">
        Create user
      </button>
      {create.error && (
        <p role="alert" className="w-full text-red-700">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
