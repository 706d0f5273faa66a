import { closeDb, pgPool } from '@/lib/db/client';
import { purgeOldEvents } from '@/lib/cases/retention/purge';

// `npm run purge [-- --dry-run]`: deletes raw events older than the admin's retention period,
// never an event of an account under legal hold (docs/retention.md). --dry-run prints the same
// figures and deletes nothing. Exit 0 on success, 1 on failure, 2 on unknown arguments.
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length) {
  console.error(
    `purge: unknown argument ${unknown.join(' ')} (usage: npm run purge -- [--dry-run])`,
  );
  process.exit(2);
}
const dryRun = args.includes('--dry-run');

try {
  const r = await purgeOldEvents(pgPool(), { dryRun, actor: { id: null, email: 'cli:purge' } });
  if (r.raw_event_days === null) {
    console.log('purge: no retention period is set (Admin → Retention and holds); nothing deleted');
  } else {
    const verb = dryRun ? 'would delete' : 'deleted';
    for (const p of r.partitions)
      console.log(
        `  ${p.partition.padEnd(16)} ${p.mode === 'drop' ? 'drop  ' : 'delete'} ` +
          `${String(p.deleted).padStart(10)} ${verb}, ${p.kept_for_hold} kept for legal holds`,
      );
    console.log(
      `purge${dryRun ? ' (dry run)' : ''}: events before ${r.cutoff} (${r.raw_event_days} days): ` +
        `${r.deleted} ${verb}, ${r.kept_for_hold} kept for ${r.held_accounts} held accounts, ` +
        `${(r.elapsed_ms / 1000).toFixed(1)} s`,
    );
  }
  await closeDb();
} catch (e) {
  console.error(`purge failed: ${(e as Error).message}`);
  await closeDb();
  process.exit(1);
}
