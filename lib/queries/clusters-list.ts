import 'server-only';
import { z } from 'zod';
import { parseUrlQuery } from '@/lib/schemas/url-query';
import { rows } from './sql';
import type { ClusterSummary } from './cluster-detail';

// The clusters list with its filter and sort in the URL (?flagged=true&min_members=5&sort=members
// &dir=asc), so a link reproduces the view. A parameter that does not parse is dropped with a hint
// the page shows, never silently.
const SORTS = { risk: 'risk', members: 'members', events: 'events' } as const;

const ZClusterQuery = z.object({
  flagged: z.enum(['true']).optional(),
  min_members: z.coerce.number().int().min(0).max(1_000_000).optional(),
  sort: z.enum(['risk', 'members', 'events']).default('risk'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type TClusterQuery = z.infer<typeof ZClusterQuery>;

export function parseClusterQuery(raw: Record<string, string | undefined>): {
  query: TClusterQuery;
  hints: string[];
} {
  return parseUrlQuery(ZClusterQuery, raw);
}

/** At most `limit` clusters matching the filter, in the chosen order (ties by id). */
export async function listClusters(q: TClusterQuery, limit = 200): Promise<ClusterSummary[]> {
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const r = await rows<Omit<ClusterSummary, 'events'> & { events: string }>(
    `SELECT id, risk, flagged, members, events::text AS events, COALESCE(reasons, '{}') AS reasons
     FROM clusters
     WHERE ($1::boolean IS NULL OR flagged = $1) AND members >= $2
     ORDER BY ${SORTS[q.sort]} ${dir}, id LIMIT $3`,
    [q.flagged ? true : null, q.min_members ?? 0, limit],
  );
  return r.map((c) => ({ ...c, events: Number(c.events) }));
}
