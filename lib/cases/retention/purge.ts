import { inClientTransaction } from '@/lib/db/transaction';
import type { Pool, PoolClient } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { SYSTEM_ACTOR, writeAudit, type AuditActor } from '@/lib/audit/write';
import { ConflictError } from '@/lib/errors';
import { HELD_ACCOUNTS_SQL } from '../holds';
import { listEventPartitions, purgePartition, type PartitionResult } from './partitions';
import { RETENTION_KEY, parseRetention } from './settings';

// `npm run purge` and the server's scheduled run: delete raw events older than the retention
// period, partition by partition, and never an event of an account under legal hold.
// - A partition wholly older than the cutoff with no held account in it is detached and dropped
//   (no row-by-row delete, no dead tuples, no vacuum debt).
// - Otherwise (a held account has events in it, the partition straddles the cutoff, or it is the
//   DEFAULT partition) the old rows of accounts not held are DELETEd.
// Each partition is one transaction that share-locks legal_holds and case_accounts first, so a
// hold set (or an account linked to a held case) during the purge waits for that partition and
// the held set read inside it cannot go stale. The partition's audit row commits with its delete.
// Rollups (account_daily, account_day_sets, …) are kept: see docs/retention.md.

const PURGE_LOCK = 0x70757267; // 'purg': one purge at a time per database

export interface PurgeResult {
  /** null when no retention period is set: nothing was (or would be) deleted */
  raw_event_days: number | null;
  cutoff: string | null;
  dry_run: boolean;
  held_accounts: number;
  partitions: PartitionResult[];
  deleted: number;
  kept_for_hold: number;
  elapsed_ms: number;
}

export interface PurgeOptions {
  dryRun?: boolean;
  actor?: AuditActor;
  /** the clock, for tests */
  now?: Date;
}

async function heldAccounts(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ account_id: string }>(HELD_ACCOUNTS_SQL);
  return rows.map((r) => r.account_id);
}

export async function purgeOldEvents(pool: Pool, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const t0 = Date.now();
  const dry = opts.dryRun ?? false;
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const client = await pool.connect();
  try {
    const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      PURGE_LOCK,
    ]);
    if (!got.rows[0]!.ok) throw new ConflictError('Another purge is running on this database');
    try {
      const s = await client.query<{ value: unknown }>(
        `SELECT value FROM settings WHERE key = $1`,
        [RETENTION_KEY],
      );
      const days = parseRetention(s.rows[0]?.value).raw_event_days;
      const result: PurgeResult = {
        raw_event_days: days,
        cutoff: null,
        dry_run: dry,
        held_accounts: 0,
        partitions: [],
        deleted: 0,
        kept_for_hold: 0,
        elapsed_ms: 0,
      };
      if (days === null) return { ...result, elapsed_ms: Date.now() - t0 };
      const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
      result.cutoff = cutoff.toISOString();
      const held = new Set<string>();
      for (const p of await listEventPartitions(client)) {
        const r = await inClientTransaction(
          client,
          async () => {
            // Share locks: holds and case links may be read but not changed until this commits.
            if (!dry) await client.query('LOCK TABLE legal_holds, case_accounts IN SHARE MODE');
            const ids = await heldAccounts(client);
            ids.forEach((id) => held.add(id));
            const pr = await purgePartition(client, p, cutoff, ids, dry);
            if (pr && !dry && pr.deleted > 0)
              await writeAudit(pgRunner(client), {
                actor,
                action: 'retention.purge',
                targetType: 'events_partition',
                targetId: p.name,
                after: {
                  ...pr,
                  cutoff: cutoff.toISOString(),
                  raw_event_days: days,
                  held_accounts: ids.length,
                },
              });
            return pr;
          },
          { readOnly: dry },
        );
        if (r) result.partitions.push(r);
      }
      result.held_accounts = held.size;
      result.deleted = result.partitions.reduce((n, p) => n + p.deleted, 0);
      result.kept_for_hold = result.partitions.reduce((n, p) => n + p.kept_for_hold, 0);
      result.elapsed_ms = Date.now() - t0;
      if (!dry) await writeRunAudit(client, actor, result, days, cutoff);
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

async function writeRunAudit(
  client: PoolClient,
  actor: AuditActor,
  r: PurgeResult,
  days: number,
  cutoff: Date,
) {
  await inClientTransaction(client, () =>
    writeAudit(pgRunner(client), {
      actor,
      action: 'retention.purge_run',
      targetType: 'setting',
      targetId: RETENTION_KEY,
      after: {
        cutoff: cutoff.toISOString(),
        raw_event_days: days,
        partitions_dropped: r.partitions.filter((p) => p.mode === 'drop').length,
        partitions_trimmed: r.partitions.filter((p) => p.mode === 'delete' && p.deleted > 0).length,
        deleted: r.deleted,
        kept_for_hold: r.kept_for_hold,
        held_accounts: r.held_accounts,
        elapsed_ms: r.elapsed_ms,
      },
    }),
  );
}
