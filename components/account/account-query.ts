'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { EventPage } from '@/lib/queries/account-events';
import type { AnnotationDto, TAnnotationCreate } from '@/lib/schemas/annotation';
import type { RevealedEvent } from '@/lib/events/reveal';

// Query keys for the account page; mutations invalidate exactly the account's annotation list.
export const accountKeys = {
  all: (account: string) => ['account', account] as const,
  events: (account: string, from: string, to: string, order: string, cursor: string | null) =>
    ['account', account, 'events', from, to, order, cursor] as const,
  annotations: (account: string) => ['account', account, 'annotations'] as const,
};

export function useEventPage(
  account: string,
  from: string,
  to: string,
  order: 'desc' | 'asc',
  cursor: string | null,
) {
  const qs = new URLSearchParams({
    account,
    from,
    to,
    order,
    limit: '25',
    ...(cursor ? { cursor } : {}),
  });
  return useQuery({
    queryKey: accountKeys.events(account, from, to, order, cursor),
    queryFn: ({ signal }) => fetchJson<EventPage>(`/api/v1/events?${qs}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnnotations(account: string) {
  return useQuery({
    queryKey: accountKeys.annotations(account),
    queryFn: ({ signal }) =>
      fetchJson<{ annotations: AnnotationDto[] }>(
        `/api/v1/annotations?account=${encodeURIComponent(account)}`,
        { signal },
      ),
  });
}

export function useAddAnnotation(account: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TAnnotationCreate) =>
      fetchJson<{ annotation: AnnotationDto }>('/api/v1/annotations', {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: () =>
      refreshQueries(qc, { queryKey: accountKeys.annotations(account), exact: true }),
  });
}

export function useRemoveAnnotation(account: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/annotations/${id}`, { method: 'DELETE' }),
    onSuccess: () =>
      refreshQueries(qc, { queryKey: accountKeys.annotations(account), exact: true }),
  });
}

export function useEditAnnotation(account: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, value }: { id: string; value: string }) =>
      fetchJson<{ annotation: AnnotationDto }>(`/api/v1/annotations/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ value }),
      }),
    onSuccess: () =>
      refreshQueries(qc, { queryKey: accountKeys.annotations(account), exact: true }),
  });
}

/** Reveal is a POST (an audited action), never a cached query: each reveal is logged. */
export function useReveal() {
  return useMutation({
    mutationFn: (input: {
      account_id: string;
      event_id: string;
      event_ts: string;
      reason: string;
    }) =>
      fetchJson<{ event: RevealedEvent }>('/api/v1/events/reveal', {
        method: 'POST',
        body: JSON.stringify(input),
      }),
  });
}
