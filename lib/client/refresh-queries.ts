import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** A key to refresh; `exact` limits it to that one query rather than every key under the prefix. */
export type RefreshTarget = QueryKey | { queryKey: QueryKey; exact: true };

const filters = (t: RefreshTarget) => ('queryKey' in t ? t : { queryKey: t });

/**
 * The one way to refresh lists after a mutation: cancel their fetches still in flight, then
 * invalidate them (which refetches the ones on screen). `invalidateQueries` alone joins a first
 * load that is still running (react-query restarts a running fetch only when the query already
 * has data), and that load may have read the list before the mutation committed: the list then
 * stays stale — an empty export list showed "No packages yet" and, being empty, never polled
 * (commit c9a6c05). Query functions pass react-query's `signal` to `fetch`, so the cancelled
 * request is aborted rather than left to finish unread.
 */
export async function refreshQueries(qc: QueryClient, ...targets: RefreshTarget[]) {
  await Promise.all(targets.map((t) => qc.cancelQueries(filters(t))));
  await Promise.all(targets.map((t) => qc.invalidateQueries(filters(t))));
}
