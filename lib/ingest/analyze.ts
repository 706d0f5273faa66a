import type { PoolClient } from 'pg';
import type { IngestKind } from './types';

/**
 * The tables an ingest of each kind writes in bulk. `events` is the partitioned parent: ANALYZE
 * of it samples the parent's own statistics (which nothing else ever gathers: autovacuum skips
 * partitioned tables) and then every partition.
 */
const WRITTEN: Record<IngestKind, { counted: string; tables: string[] }> = {
  events: {
    counted: 'events',
    tables: ['events', 'account_daily', 'account_day_sets', 'account_indicator'],
  },
  accounts: { counted: 'accounts', tables: ['accounts', 'account_indicator'] },
};

/** Autovacuum's own rule for an analyze: 50 rows plus a tenth of the table changed since the last. */
const THRESHOLD = 50;
const SCALE = 0.1;

/**
 * Rows of the counted table (its partitions, for events) as of its last ANALYZE, and the rows
 * changed since, summed over its partitions. Both from the catalog and the statistics views: no scan.
 */
const SIZE_SQL = `
  SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8 AS tuples,
    coalesce(sum(s.n_mod_since_analyze), 0)::float8 AS mods
  FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
  WHERE c.relkind <> 'p'
    AND (c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass))`;

/**
 * After a run that changed a tenth of what it wrote to, ANALYZE those tables, so the pages and
 * detection plan with statistics of the data that is there. The server may run without
 * autovacuum (this project's CI and bench server do), and even with it partitioned parents are
 * never analyzed. `changed` is the run's own count of new rows: the statistics views may not yet
 * hold another backend's last batch, while they do carry what earlier small runs changed, so the
 * larger of the two is taken. Returns the tables analyzed (none when below the threshold).
 */
export async function analyzeAfterRun(
  client: PoolClient,
  kind: IngestKind,
  changed: number,
): Promise<string[]> {
  const { counted, tables } = WRITTEN[kind];
  const { rows } = await client.query<{ tuples: number; mods: number }>(SIZE_SQL, [counted]);
  const { tuples, mods } = rows[0];
  if (Math.max(changed, mods) <= THRESHOLD + SCALE * tuples) return [];
  await client.query(`ANALYZE ${tables.join(', ')}`);
  return tables;
}
