'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { QueueItemPage } from '@/lib/queries/queue-items';
import type { QueueSummary } from '@/lib/queries/queues-summary';
import type { QueueRow } from '@/lib/queues/queues';
import type {
  TBulkItems,
  TClaimNext,
  TItemAction,
  TItemListQuery,
  TItemOpenCase,
  TQueueCreate,
  TQueueUpdate,
} from '@/lib/schemas/queue';

// Query keys for queues: mutations refresh the lists they change (the prefixes below).
export const queueKeys = {
  summaries: ['queues', 'summaries'] as const,
  items: (q: Partial<TItemListQuery>) => ['queues', 'items', q] as const,
  itemsAll: ['queues', 'items'] as const,
  admin: ['admin', 'queues'] as const,
};

export function useQueueSummaries() {
  return useQuery({
    queryKey: queueKeys.summaries,
    queryFn: ({ signal }) => fetchJson<{ queues: QueueSummary[] }>('/api/v1/queues', { signal }),
  });
}

export function useQueueItems(q: Partial<TItemListQuery>) {
  const qs = new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  return useQuery({
    queryKey: queueKeys.items(q),
    queryFn: ({ signal }) => fetchJson<QueueItemPage>(`/api/v1/queues/items?${qs}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

function useRefreshWork() {
  const qc = useQueryClient();
  return () => refreshQueries(qc, queueKeys.summaries, queueKeys.itemsAll);
}

export interface ClaimAnswer {
  item: { id: string; subject_type: string; subject_id: string; queue_id: string } | null;
  reason?: 'no_queues' | 'empty';
}

export function useClaimNext() {
  const done = useRefreshWork();
  return useMutation({
    mutationFn: (input: TClaimNext) =>
      fetchJson<ClaimAnswer>('/api/v1/queues/claim', {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: done,
  });
}

export function useItemAction() {
  const done = useRefreshWork();
  return useMutation({
    mutationFn: ({ id, ...body }: TItemAction & { id: string }) =>
      fetchJson(`/api/v1/queues/items/${encodeURIComponent(id)}`, {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: done,
  });
}

export function useOpenCase() {
  const done = useRefreshWork();
  return useMutation({
    mutationFn: ({ id, ...body }: TItemOpenCase & { id: string }) =>
      fetchJson<{ caseId: string; caseNumber: number }>(
        `/api/v1/queues/items/${encodeURIComponent(id)}/case`,
        { method: 'POST', body: JSON.stringify(body) },
      ),
    onSuccess: done,
  });
}

export function useBulkItems() {
  const done = useRefreshWork();
  return useMutation({
    mutationFn: (body: TBulkItems) =>
      fetchJson<{ preview: boolean; count: number }>('/api/v1/queues/items/bulk', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: (r) => (r.preview ? undefined : done()),
  });
}

export function useAdminQueues() {
  return useQuery({
    queryKey: queueKeys.admin,
    queryFn: ({ signal }) => fetchJson<{ queues: QueueRow[] }>('/api/v1/admin/queues', { signal }),
  });
}

export function useSaveQueue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (TQueueCreate | TQueueUpdate) & { id?: string }) =>
      fetchJson<unknown>(
        id ? `/api/v1/admin/queues/${encodeURIComponent(id)}` : '/api/v1/admin/queues',
        {
          method: id ? 'PATCH' : 'POST',
          body: JSON.stringify(body),
        },
      ),
    onSuccess: () => refreshQueries(qc, queueKeys.admin),
  });
}

export function useArchiveQueue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      fetchJson(`/api/v1/admin/queues/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        body: JSON.stringify({ reason }),
      }),
    onSuccess: () => refreshQueries(qc, queueKeys.admin),
  });
}
