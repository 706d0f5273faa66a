'use client';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { CaseDetail } from '@/lib/queries/case';
import type { ActivityEntry } from '@/lib/queries/case-activity';
import type { PinnedChart } from '@/lib/queries/case-chart';

export const caseKeys = {
  all: ['cases'] as const,
  list: (search: string) => ['cases', 'list', search] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  chart: (id: string, pinId: string) => ['cases', 'detail', id, 'chart', pinId] as const,
  annotations: (account: string) => ['account', account, 'annotations'] as const,
  notes: (id: string) => ['cases', 'notes', id] as const,
  mentionable: (id: string) => ['cases', 'mentionable', id] as const,
  clauses: (id: string) => ['cases', 'clauses', id] as const,
  holds: (id: string) => ['cases', 'holds', id] as const,
};

export interface CasePayload {
  case: CaseDetail;
  activity: ActivityEntry[];
}

export function useCase(id: string, initial: CasePayload) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<CasePayload>(`/api/v1/cases/${id}`, { signal }),
    initialData: initial,
    staleTime: 5_000,
  });
}

export function usePinnedChart(caseId: string, pinId: string) {
  return useQuery({
    queryKey: caseKeys.chart(caseId, pinId),
    queryFn: ({ signal }) =>
      fetchJson<PinnedChart>(`/api/v1/cases/${caseId}/pins/${pinId}`, { signal }),
    staleTime: Infinity,
  });
}

/**
 * A mutation on one case that refreshes the case (and its timeline) when it settles, and the
 * panel's own query when the panel reads one (notes, clauses, holds).
 */
export function useCaseMutation<V, R = unknown>(
  caseId: string,
  fn: (vars: V) => Promise<R>,
  onSuccess?: (r: R, vars: V) => void,
  panelKey?: QueryKey,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess,
    onSettled: () =>
      refreshQueries(
        qc,
        { queryKey: caseKeys.detail(caseId), exact: true },
        ...(panelKey ? [{ queryKey: panelKey, exact: true as const }] : []),
      ),
  });
}

export const sendJson = <R>(url: string, method: string, body?: unknown) =>
  fetchJson<R>(url, { method, body: body === undefined ? undefined : JSON.stringify(body) });
