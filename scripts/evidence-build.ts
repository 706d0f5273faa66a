import { parseArgs } from 'node:util';
import { closeDb, prisma } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { ZExportOptions } from '@/lib/schemas/export';
import { buildCaseNow, rebuildNow } from '@/lib/evidence/jobs/build-now';
import type { SessionUser } from '@/lib/auth/permissions';

// `npm run evidence:build -- --case ID [--no-redact] [--fields full|hashes] [--from DAY] [--to DAY]
//   [--accounts a,b] [--clusters c] [--seed S] [--sample-size N] [--as EMAIL]`
// `npm run evidence:build -- --rebuild EXPORT_ID [--as EMAIL]` (same options and cut-off)`
// Builds one evidence package through the export job queue (so it is audited and listed like one
// built from the web), with progress on stderr. Ctrl-C cancels and leaves no package behind.
const { values: a } = parseArgs({
  options: {
    case: { type: 'string' },
    rebuild: { type: 'string' },
    redact: { type: 'boolean', default: true },
    'no-redact': { type: 'boolean', default: false },
    fields: { type: 'string', default: 'full' },
    from: { type: 'string' },
    to: { type: 'string' },
    accounts: { type: 'string' },
    clusters: { type: 'string' },
    seed: { type: 'string' },
    'sample-size': { type: 'string' },
    as: { type: 'string' },
  },
});
const list = (s?: string) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const parsed = ZExportOptions.safeParse({
  accountIds: list(a.accounts),
  clusterIds: list(a.clusters),
  from: a.from,
  to: a.to,
  fields: a.fields,
  redact: a.redact && !a['no-redact'],
  sampleSeed: a.seed,
  sampleSize: a['sample-size'] ? Number(a['sample-size']) : undefined,
});
if ((!a.case && !a.rebuild) || (a.case && a.rebuild) || !parsed.success) {
  if (!parsed.success)
    for (const i of parsed.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`);
  console.error(
    'usage: npm run evidence:build -- --case <case id> [--no-redact] [--fields full|hashes] …\n' +
      '       npm run evidence:build -- --rebuild <export id> [--as EMAIL]',
  );
  process.exit(2);
}

const tty = process.stderr.isTTY;
const abort = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\ncancelling…\n');
  abort.abort();
});
let lastLine = 0;
try {
  // The requester the package names: --as EMAIL, else the first admin (an operator at the console).
  const u = await prisma.user.findFirst({
    where: a.as ? { email: a.as } : { role: 'admin', disabled: false },
    orderBy: { created_at: 'asc' },
  });
  if (!u)
    throw new Error(a.as ? `--as: no user ${a.as}` : 'no admin user to build as (use --as EMAIL)');
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: u.role };
  const t0 = Date.now();
  const hooks = {
    signal: abort.signal,
    onQueued: (j: { id: string }) => process.stderr.write(`export ${j.id}: queued\n`),
    onProgress: (p: { phase: string; eventsDone: number; eventsTotal: number }) => {
      const pct = p.eventsTotal ? ((100 * p.eventsDone) / p.eventsTotal).toFixed(1) : '0.0';
      const line = `evidence: ${p.phase} ${p.eventsDone}/${p.eventsTotal} events (${pct}%)`;
      if (tty) process.stderr.write(`\r${line.padEnd(70)}`);
      else if (Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        process.stderr.write(`${line}\n`);
      }
    },
  };
  const job = a.rebuild
    ? await rebuildNow(user, a.rebuild, hooks)
    : await buildCaseNow(user, a.case!, parsed.data, hooks);
  if (tty) process.stderr.write('\n');
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (job.status === 'done') {
    console.log(`export ${job.id}: done in ${secs} s, ${job.events_total} events`);
    console.log(`package ${job.bag_name} (${job.bag_bytes} bytes) sha256 ${job.bag_sha256}`);
  } else console.error(`export ${job.id}: ${job.status}${job.error ? ` — ${job.error}` : ''}`);
  process.exitCode = job.status === 'done' ? 0 : 1;
} catch (e) {
  console.error(
    `evidence:build failed: ${e instanceof DomainError ? e.message : (e as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await closeDb();
}
