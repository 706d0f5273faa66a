'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { TUserCreate, TUserUpdate } from '@/lib/schemas/user';
import type { Role } from '@/lib/auth/roles';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  last_login_at: string | null;
}

export const userKeys = { all: ['admin', 'users'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => fetchJson<{ users: UserRow[] }>('/api/v1/admin/users', { signal }),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TUserCreate) =>
      fetchJson('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: () => refreshQueries(qc, { queryKey: userKeys.all, exact: true }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: TUserUpdate & { id: string }) =>
      fetchJson(`/api/v1/admin/users/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: JSON.stringify(input),
      }),
    onSuccess: () => refreshQueries(qc, { queryKey: userKeys.all, exact: true }),
  });
}

/** Ends every session of a user (DELETE …/sessions); the unlock of sign-in sits beside it. */
export function useEndSessions() {
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/v1/admin/users/${encodeURIComponent(id)}/sessions`, { method: 'DELETE' }),
  });
}

/** Clears a user's sign-in delay after failed attempts (DELETE …/sign-in-lock). */
export function useUnlockSignIn() {
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ attempts: number }>(
        `/api/v1/admin/users/${encodeURIComponent(id)}/sign-in-lock`,
        { method: 'DELETE' },
      ),
  });
}
