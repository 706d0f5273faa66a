import type { PoolClient } from 'pg';

// The events table is range-partitioned by month (prisma/migrations/20261129000100_data:
// events_YYYYMM made on demand by ingest, plus events_default for anything outside them). The
// purge reads each partition's bounds from the catalogue instead of trusting its name, and
// purges one partition at a time here (./purge.ts runs the transactions around it).

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
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What a purge may do with a partition, from its bounds alone (held rows are checked after). */
function classify(p: EventPartition, cutoff: Date): 'whole' | 'part' | 'skip' {
  if (p.to && p.to.getTime() <= cutoff.getTime()) return 'whole';
  if (!p.from || p.from.getTime() < cutoff.getTime()) return 'part';
  return 'skip';
}

export interface PartitionResult {
  partition: string;
  mode: 'drop' | 'delete';
  deleted: number;
  kept_for_hold: number;
}

/**
 * Detaching needs an exclusive lock on `events`; waiting long for it would queue every reader of
 * events behind the purge. So it waits at most 5 s and, failing that, the caller deletes the rows
 * instead (same result, slower), rolled back to a savepoint so the transaction stays usable.
 */
async function detachAndDrop(client: PoolClient, t: string): Promise<boolean> {
  await client.query('SAVEPOINT detach');
  try {
    await client.query(`SET LOCAL lock_timeout = '5s'`);
    await client.query(`ALTER TABLE events DETACH PARTITION ${t}`);
    await client.query(`DROP TABLE ${t}`);
    await client.query(`SET LOCAL lock_timeout = 0`);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code !== '55P03') throw e; // lock_not_available
    await client.query('ROLLBACK TO SAVEPOINT detach');
    return false;
  }
}

/** Counts (and unless dry, deletes) one partition's old events; null when nothing is old. */
export async function purgePartition(
  client: PoolClient,
  p: EventPartition,
  cutoff: Date,
  held: string[],
  dry: boolean,
): Promise<PartitionResult | null> {
  const kind = classify(p, cutoff);
  if (kind === 'skip') return null;
  const t = ident(p.name);
  const { rows } = await client.query<{ old: string; kept: string }>(
    `SELECT count(*) AS old, count(*) FILTER (WHERE account_id = ANY($2::text[])) AS kept
       FROM ${t} WHERE ts < $1`,
    [cutoff, held],
  );
  const old = Number(rows[0]!.old);
  const kept = Number(rows[0]!.kept);
  if (old === 0) return null;
  if (kind === 'whole' && kept === 0) {
    if (dry || (await detachAndDrop(client, t)))
      return { partition: p.name, mode: 'drop', deleted: old, kept_for_hold: 0 };
  }
  if (old === kept) return { partition: p.name, mode: 'delete', deleted: 0, kept_for_hold: kept };
  if (!dry) {
    const r = await client.query(
      `DELETE FROM ${t} WHERE ts < $1 AND NOT (account_id = ANY($2::text[]))`,
      [cutoff, held],
    );
    if (r.rowCount !== old - kept)
      throw new Error(`purge of ${p.name}: counted ${old - kept} rows, deleted ${r.rowCount}`);
  }
  return { partition: p.name, mode: 'delete', deleted: old - kept, kept_for_hold: kept };
}
