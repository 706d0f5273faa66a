import { closeDb, pgPool } from '@/lib/db/client';
import { scoredAccounts } from '@/lib/detect/read';

// `npm run flags -- --format ndjson [--flagged]`: one line per scored account, keys in the order of
// the product brief: {"account_id","risk","flagged","cluster_id","reasons"}. `--format table` for people.
const args = process.argv.slice(2);
const fmtIdx = args.indexOf('--format');
const format = fmtIdx >= 0 ? args[fmtIdx + 1] : 'ndjson';
const onlyFlagged = args.includes('--flagged');
if (format !== 'ndjson' && format !== 'table') {
  console.error('usage: flags [--format ndjson|table] [--flagged]');
  process.exit(2);
}

const out = process.stdout;
async function write(s: string) {
  if (!out.write(s)) await new Promise((r) => out.once('drain', r));
}

try {
  let n = 0;
  for await (const a of scoredAccounts(pgPool())) {
    if (onlyFlagged && !a.flagged) continue;
    n++;
    if (format === 'ndjson') {
      const line = {
        account_id: a.account_id,
        risk: Math.round(a.risk * 10000) / 10000,
        flagged: a.flagged,
        cluster_id: a.cluster_id,
        reasons: a.reasons,
      };
      await write(`${JSON.stringify(line)}\n`);
    } else {
      await write(
        `${a.account_id.padEnd(24)} ${a.risk.toFixed(3)} ${a.flagged ? 'FLAG' : '    '} ${(a.cluster_id ?? '').padEnd(16)} ${a.reasons.slice(0, 2).join('; ')}\n`,
      );
    }
  }
  if (format === 'table') console.error(`${n} accounts`);
  await closeDb();
} catch (e) {
  console.error(`flags failed: ${(e as Error).message}`);
  await closeDb();
  process.exit(1);
}
