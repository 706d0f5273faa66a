'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { IngestScope, TIngestTokenCreate } from '@/lib/schemas/ingest-token';

// The ingest-token screen's data: the admin API (/api/v1/admin/ingest-tokens), which checks the
// role and writes the audit rows (docs/ingest.md#http).
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: IngestScope[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const tokenKeys = { all: ['admin', 'ingest-tokens'] as const };
const BASE = '/api/v1/admin/ingest-tokens';

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.all,
    queryFn: ({ signal }) => fetchJson<{ tokens: TokenRow[] }>(BASE, { signal }),
    // judged when the list arrives (a render must not read the clock)
    select: (d) => ({
      tokens: d.tokens.map((t) => ({
        ...t,
        expired: t.expires_at !== null && Date.parse(t.expires_at) <= Date.now(),
      })),
    }),
  });
}

/** The answer carries the token in clear: the only time it is ever shown. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TIngestTokenCreate) =>
      fetchJson<{ token: TokenRow & { token: string } }>(BASE, {
        method: 'POST',
        body: JSON.stringify(input),
      }),
    onSuccess: () => refreshQueries(qc, { queryKey: tokenKeys.all, exact: true }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshQueries(qc, { queryKey: tokenKeys.all, exact: true }),
  });
}
