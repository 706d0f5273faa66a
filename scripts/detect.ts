import { loadavg } from 'node:os';
import { closeDb, pgPool } from '@/lib/db/client';
import { runDetection, type DetectProgress } from '@/lib/detect';

// `npm run detect`: full recompute of signals, clusters, scores and flags from the rollups.
// `npm run detect -- --since-last`: only the accounts that received events since the last
// successful run (and their clusters), against the last full run's population (docs/detection.md).
// Progress on stderr (a single rewritten line on a terminal), summary with time and peak RSS on stdout.
const tty = process.stderr.isTTY;
let lastStage = '';
function progress(p: DetectProgress) {
  const line = `detect: ${p.stage} ${p.total > 1 ? `${p.done}/${p.total} ` : ''}(${(p.elapsedMs / 1000).toFixed(1)} s)`;
  if (tty) process.stderr.write(`\r${line.padEnd(70)}`);
  else if (p.stage !== lastStage && p.done === p.total) process.stderr.write(`${line}\n`);
  lastStage = p.stage;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--since-last');
if (unknown.length > 0) {
  console.error(`detect: unknown argument ${unknown[0]} (usage: npm run detect [-- --since-last])`);
  process.exit(2);
}

try {
  const s = await runDetection(pgPool(), {
    onProgress: progress,
    sinceLast: args.includes('--since-last'),
  });
  if (tty) process.stderr.write('\n');
  const ru = process.resourceUsage();
  const rssMb = ru.maxRSS / 1024;
  if (s.mode === 'since_last')
    console.log(
      `since the last run: ${s.touched} accounts received events; linking ${s.linking === 'partial' ? `redone for the ${s.relinked} accounts of their components` : `redone for all accounts (${s.linking})`}; with their clusters' members (${s.reused ?? 0} from their stored own results), rescored:`,
    );
  console.log(
    `detect run ${s.runId}: ${s.accounts} accounts scored, ${s.flaggedAccounts} flagged; ${s.clusters} clusters, ${s.flaggedClusters} flagged; ${s.newFlags} new flags`,
  );
  console.log(
    `stages: ${Object.entries(s.stageMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  // On a shared machine wall time mostly measures the load: CPU time and load average go beside it.
  const cpu = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  console.log(
    `time ${(s.elapsedMs / 1000).toFixed(1)} s, node CPU ${cpu.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await closeDb();
} catch (e) {
  console.error(`detect failed: ${(e as Error).message}`);
  await closeDb();
  process.exit(1);
}
