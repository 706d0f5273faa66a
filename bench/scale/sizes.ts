import type pg from 'pg';

export interface TableSize {
  table: string;
  data: number;
  index: number;
}

// The large tables (lib/db/distribution.ts); events summed over its partitions.
export async function tableSizes(pool: pg.Pool, tables: readonly string[]): Promise<TableSize[]> {
  const { rows } = await pool.query<{ table: string; data: string; index: string }>(
    `SELECT t.name AS table,
            coalesce(sum(pg_table_size(p.relid)), 0)::text AS data,
            coalesce(sum(pg_indexes_size(p.relid)), 0)::text AS index
     FROM unnest($1::text[]) AS t(name)
     CROSS JOIN LATERAL (
       SELECT relid FROM pg_partition_tree(to_regclass(t.name)) WHERE isleaf
       UNION SELECT c.oid FROM pg_class c WHERE c.oid = to_regclass(t.name) AND c.relkind = 'r') p
     GROUP BY t.name ORDER BY sum(pg_table_size(p.relid)) DESC`,
    [tables],
  );
  return rows.map((r) => ({ table: r.table, data: Number(r.data), index: Number(r.index) }));
}

export const mib = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MiB`;

/** Bytes of the whole database per ingested event (what the disk check estimates). */
export async function bytesPerEvent(pool: pg.Pool, events: number): Promise<number> {
  const { rows } = await pool.query<{ b: string }>(
    'SELECT pg_database_size(current_database())::text AS b',
  );
  return Number(rows[0].b) / Math.max(1, events);
}
