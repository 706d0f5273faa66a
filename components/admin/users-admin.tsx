'use client';
import { useState } from 'react';
import {
  useCreateUser,
  useEndSessions,
  useUnlockSignIn,
  useUpdateUser,
  useUsers,
} from './users-query';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { ROLES, type Role } from '@/lib/auth/roles';

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();
  const end = useEndSessions();
  const unlock = useUnlockSignIn();
  return (
    <div className="space-y-6">
      <CreateUserForm />
      {update.error && <Alert>{update.error.message}</Alert>}
      {end.error && <Alert>{end.error.message}</Alert>}
      {end.isSuccess && <p role="status">Every session of that user has ended.</p>}
      {unlock.error && <Alert>{unlock.error.message}</Alert>}
      {unlock.isSuccess && (
        <p role="status">
          Sign-in unlocked ({unlock.data.attempts} counted attempt
          {unlock.data.attempts === 1 ? '' : 's'} cleared).
        </p>
      )}
      {users.isPending ? (
        <Skeleton />
      ) : users.error ? (
        <Alert>{users.error.message}</Alert>
      ) : (
        <TableFrame>
          <Table aria-label="Users">
            <THead>
              <tr>
                <Th>Email</Th>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {users.data.users.map((u) => (
                <Tr key={u.id} data-testid={`user-row-${u.email}`}>
                  <Td truncate>{u.email}</Td>
                  <Td truncate>{u.name}</Td>
                  <Td>
                    <Select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={u.id === currentUserId || update.isPending}
                      onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </Select>
                  </Td>
                  <Td>
                    {u.disabled ? <Badge tone="danger">disabled</Badge> : <Badge>active</Badge>}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">
                    {u.last_login_at
                      ? new Date(u.last_login_at).toISOString().slice(0, 16).replace('T', ' ')
                      : 'never'}
                  </Td>
                  <Td className="space-x-2 whitespace-nowrap text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={end.isPending}
                      aria-label={`End sessions of ${u.email}`}
                      onClick={() => end.mutate(u.id)}
                    >
                      End sessions
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={unlock.isPending}
                      aria-label={`Unlock sign-in of ${u.email}`}
                      onClick={() => unlock.mutate(u.id)}
                    >
                      Unlock sign-in
                    </Button>
                    {u.id !== currentUserId && (
                      <Button
                        size="sm"
                        variant={u.disabled ? 'secondary' : 'danger'}
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}

function CreateUserForm() {
  const create = useCreateUser();
  const [key, setKey] = useState(0);
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
      <Field label="Email">
        <Input name="email" type="email" required />
      </Field>
      <Field label="Name">
        <Input name="name" required />
      </Field>
      <Field label="Role">
        <Select name="role">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </Select>
      </Field>
      <Field label="Initial password">
        <Input name="password" type="password" minLength={10} required />
      </Field>
      <Button type="submit" variant="primary" loading={create.isPending}>
        Create user
      </Button>
      {create.error && <Alert className="w-full">{create.error.message}</Alert>}
    </form>
  );
}
