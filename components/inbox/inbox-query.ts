'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';

export const inboxKeys = {
  all: ['inbox'] as const,
  count: ['inbox', 'count'] as const,
  list: (search: string) => ['inbox', 'list', search] as const,
};

/** The header's unread count: polled every 30 s and refetched when the window regains focus. */
export function useUnreadCount(initial: number) {
  return useQuery({
    queryKey: inboxKeys.count,
    queryFn: ({ signal }) => fetchJson<{ unread: number }>('/api/v1/inbox/count', { signal }),
    initialData: { unread: initial },
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}
