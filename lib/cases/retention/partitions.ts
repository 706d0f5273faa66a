import type { PoolClient } from 'pg';

// The events table is range-partitioned by month (prisma/migrations/20261129000100_data:
// events_YYYYMM made on demand by ingest, plus events_default for anything outside them). The
// purge reads each partition's bounds from the catalogue instead of trusting its name.

export interface EventPartition {
  name: string;
  /** null for the DEFAULT partition, which may hold any time */
  from: Date | null;
  to: Date | null;
}

export async function listEventPartitions(client: PoolClient): Promise<EventPartition[]> {
  const { rows } = await client.query<EventPartition>(
    `SELECT c.relname AS name,
            (regexp_match(b.bound, 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz AS "from",
            (regexp_match(b.bound, 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS "to"
       FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS bound) b
      WHERE i.inhparent = 'events'::regclass
      ORDER BY "from" NULLS LAST, c.relname`,
  );
  return rows;
}

/**
 * A partition name as a quoted SQL identifier. Names come from pg_class (above), never from a
 * request; identifiers cannot be bound as parameters, hence the quoting.
 */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What a purge may do with a partition, from its bounds alone (held rows are checked after). */
export function classify(p: EventPartition, cutoff: Date): 'whole' | 'part' | 'skip' {
  if (p.to && p.to.getTime() <= cutoff.getTime()) return 'whole';
  if (!p.from || p.from.getTime() < cutoff.getTime()) return 'part';
  return 'skip';
}
