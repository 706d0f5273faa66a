import type { PoolClient } from 'pg';
import type { IngestKind } from './types';

/**
 * What an ingest of each kind writes in bulk, and how it is analyzed. Measured at 200k events
 * (docs/performance.md#ingest): sampling the 1.3 KB event rows is nearly all of the cost (1.6 s
 * for `events` with its partitions, 35 ms for account_daily, 10 ms for the day sets' keys), so
 * events are analyzed per partition the run wrote, at a tenth of the default sample, and the
 * partitioned parent keeps no statistics of its own (that would sample every partition again).
 * All of a partition's columns: an ANALYZE of some columns does not reset the count of rows
 * changed since, which the threshold below reads. The day sets on their key alone: their arrays
 * are read, never searched.
 */
const ROLLUPS = ['account_daily', 'account_day_sets (account_id, day, part)', 'account_indicator'];
const EVENT_SAMPLE_TARGET = 10; // default_statistics_target: 300 × this many rows per partition

/** Autovacuum's own rule for an analyze: 50 rows plus a tenth of the table changed since the last. */
const THRESHOLD = 50;
const SCALE = 0.1;

/**
 * Rows of the table (its partitions, for events) as of its last ANALYZE, and the rows changed
 * since, summed over its partitions. Both from the catalog and the statistics views: no scan.
 */
const SIZE_SQL = `
  SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8 AS tuples,
    coalesce(sum(s.n_mod_since_analyze), 0)::float8 AS mods
  FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
  WHERE c.relkind <> 'p'
    AND (c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass))`;

/**
 * After a run that changed more than a tenth of what it wrote to, ANALYZE those tables, so the
 * pages and detection plan with statistics of the data that is there: the server may run without
 * autovacuum (this project's CI and bench server do). `changed` is the run's own count of new
 * rows, the views' count also carries what earlier small runs changed: the larger is taken. `months` are the event
 * partitions the run wrote ('YYYY-MM'). Returns what was analyzed (nothing below the threshold).
 */
export async function analyzeAfterRun(
  clients: PoolClient[],
  kind: IngestKind,
  changed: number,
  months: Iterable<string>,
): Promise<string[]> {
  // A backend reports its row counts to the statistics views up to 10 s after a commit; forced,
  // it reports them when it next goes idle, before answering. So every lane's counts are in the
  // views before the threshold reads them, and none arrives after the ANALYZE to count as a change
  // since (which made the next run's decision depend on timing).
  for (const c of clients)
    await c.query('SELECT pg_stat_force_next_flush()').catch(() => undefined);
  const client = clients[0];
  const { rows } = await client.query<{ tuples: number; mods: number }>(SIZE_SQL, [
    kind === 'events' ? 'events' : 'accounts',
  ]);
  const { tuples, mods } = rows[0];
  if (Math.max(changed, mods) <= THRESHOLD + SCALE * tuples) return [];
  if (kind === 'accounts') {
    await client.query('ANALYZE accounts, account_indicator');
    return ['accounts', 'account_indicator'];
  }
  const parts = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'events'::regclass AND c.relname = ANY($1::text[]) ORDER BY 1`,
    [[...months].map((m) => `events_${m.replace('-', '')}`)],
  );
  const tables = [...parts.rows.map((p) => p.name), ...ROLLUPS];
  if (parts.rows.length) {
    // a session setting, reset at once: the lane's connection goes back to the pool after the run
    await client.query(`SET default_statistics_target = ${EVENT_SAMPLE_TARGET}`);
    try {
      await client.query(`ANALYZE ${tables.slice(0, parts.rows.length).join(', ')}`);
    } finally {
      await client.query('RESET default_statistics_target');
    }
  }
  await client.query(`ANALYZE ${ROLLUPS.join(', ')}`);
  return tables.map((t) => t.replace(/ \(.*/, ''));
}
