'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { AccountListResult } from '@/lib/queries/accounts-list';
import type { SavedViewDto } from '@/lib/schemas/saved-view';

// Keys: the list is keyed by the canonical search string, so a URL maps to exactly one cache entry.
export const accountsKeys = {
  list: (search: string) => ['accounts', 'list', search] as const,
  views: ['accounts', 'saved-views'] as const,
};

export function useAccounts(search: string) {
  return useQuery({
    queryKey: accountsKeys.list(search),
    queryFn: ({ signal }) => fetchJson<AccountListResult>(`/api/v1/accounts${search}`, { signal }),
    placeholderData: keepPreviousData, // keep the old page on screen while the next loads: no jump
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: accountsKeys.views,
    queryFn: ({ signal }) =>
      fetchJson<{ views: SavedViewDto[] }>('/api/v1/saved-views?page=accounts', { signal }),
  });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: string }) =>
      fetchJson<{ view: SavedViewDto }>('/api/v1/saved-views', {
        method: 'POST',
        body: JSON.stringify({ page: 'accounts', ...input }),
      }),
    onSuccess: () => refreshQueries(qc, { queryKey: accountsKeys.views, exact: true }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/saved-views/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshQueries(qc, { queryKey: accountsKeys.views, exact: true }),
  });
}
