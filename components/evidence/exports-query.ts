'use client';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
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

/**
 * After a change: cancel a list fetch still in flight, then refetch. `invalidateQueries` alone
 * joins a first load that is still running (react-query restarts a running fetch only when the
 * query already has data), and that load may have read the list before the new job committed:
 * it then shows "No packages yet", and an empty list does not poll (seen in a CI e2e run).
 */
async function refresh(qc: QueryClient) {
  await qc.cancelQueries({ queryKey: exportKeys.all });
  await qc.invalidateQueries({ queryKey: exportKeys.all });
}

export function useCreateExport(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TExportOptionsInput) =>
      fetchJson<{ export: ExportJobView }>(`/api/v1/cases/${encodeURIComponent(caseId)}/exports`, {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: () => refresh(qc),
  });
}

export function useCancelExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ export: ExportJobView }>(`/api/v1/exports/${encodeURIComponent(id)}/cancel`, {
        method: 'POST',
      }),
    onSuccess: () => refresh(qc),
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
    onSuccess: () => refresh(qc),
  });
}
