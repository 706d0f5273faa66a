'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { ExportJobView, TExportOptionsInput } from '@/lib/schemas/export';

export const exportKeys = {
  all: ['exports'] as const,
  list: (caseId?: string) => ['exports', 'list', caseId ?? 'all'] as const,
};

const active = (jobs: ExportJobView[] | undefined) =>
  (jobs ?? []).some((j) => j.status === 'queued' || j.status === 'running');

/** Export jobs of one case (or all); polls every second while any is queued or running. */
export function useExports(caseId?: string) {
  return useQuery({
    queryKey: exportKeys.list(caseId),
    queryFn: ({ signal }) =>
      fetchJson<{ exports: ExportJobView[] }>(
        caseId ? `/api/v1/cases/${encodeURIComponent(caseId)}/exports` : '/api/v1/exports',
        { signal },
      ),
    refetchInterval: (q) => (active(q.state.data?.exports) ? 1000 : false),
    staleTime: 0,
  });
}

export function useCreateExport(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TExportOptionsInput) =>
      fetchJson<{ export: ExportJobView }>(`/api/v1/cases/${encodeURIComponent(caseId)}/exports`, {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: () => refreshQueries(qc, exportKeys.all),
  });
}

export function useCancelExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ export: ExportJobView }>(`/api/v1/exports/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
      }),
    onSuccess: () => refreshQueries(qc, exportKeys.all),
  });
}

/** Queues a rebuild of a package from its cut-off (byte-identical payload and manifests). */
export function useRebuildExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ export: ExportJobView }>(`/api/v1/exports/${encodeURIComponent(id)}/rebuild`, {
        method: 'POST',
      }),
    onSuccess: () => refreshQueries(qc, exportKeys.all),
  });
}
