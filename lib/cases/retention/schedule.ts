import type { Pool } from 'pg';
import { requestSeal } from '@/lib/audit/sealer';
import { ConflictError } from '@/lib/errors';
import { purgeOldEvents } from './purge';

// The server's scheduled purge (RETENTION_SCHEDULE_HOURS > 0): a first run a minute after start,
// then one every `hours`. A run that finds another purge running (the CLI, another server) skips;
// any other failure is logged and the next run tries again. Results go to the audit log.
export function startRetentionSchedule(pool: () => Pool, hours: number): void {
  const g = globalThis as { __dwRetention?: NodeJS.Timeout };
  if (g.__dwRetention || hours <= 0) return;
  const run = async () => {
    try {
      const r = await purgeOldEvents(pool());
      if (r.raw_event_days !== null)
        console.log(
          `retention purge: ${r.deleted} events deleted before ${r.cutoff}, ` +
            `${r.kept_for_hold} kept for legal holds (${r.partitions.length} partitions)`,
        );
      void requestSeal();
    } catch (e) {
      if (e instanceof ConflictError) return;
      console.error(`retention purge failed: ${(e as Error).message}`);
    }
  };
  setTimeout(() => void run(), 60_000).unref();
  g.__dwRetention = setInterval(() => void run(), hours * 3_600_000);
  g.__dwRetention.unref();
}
