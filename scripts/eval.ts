import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';
import { env } from '@/lib/env';
import { migrate } from '@/lib/db/migrate';
import { evalScenario } from '@/lib/eval/run-eval';
import { formatTable } from '@/lib/eval/metrics';
import { formatCensus } from '@/lib/eval/census';

// `npm run eval -- DIR [--keep] [--replay N] [--in-place]`
// Creates a fresh database dw_eval_<ts> on the server of DATABASE_URL (default: local Postgres),
// migrates it, ingests DIR/accounts.ndjson + DIR/events.ndjson through lib/ingest, runs detection,
// prints the per-family table against DIR/truth.ndjson and drops the database (unless --keep).
// --in-place uses DATABASE_URL itself (its detection output is replaced); --skip-ingest (with
// --in-place) re-detects and re-scores data that is already there. --replay N replays
// detection on N day prefixes for "events before first alarm" (default 6, 0 = skip), plus the
// prefixes where each campaign holds 2, 5 and 10 % of its events, and prints the benign cluster
// census over all replayed prefixes; --census FILE writes its rows (cluster × prefix) as NDJSON.
const usage =
  'usage: eval DIR [--keep] [--replay N] [--census FILE] [--in-place] [--skip-ingest]   (DIR holds accounts.ndjson, events.ndjson, truth.ndjson)';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      keep: { type: 'boolean', default: false },
      replay: { type: 'string', default: '6' },
      census: { type: 'string' },
      'in-place': { type: 'boolean', default: false },
      'skip-ingest': { type: 'boolean', default: false },
    },
  });
} catch (e) {
  console.error(`eval: ${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const { values: a, positionals } = parsed;
const dir = positionals[0];
const replayPoints = Number(a.replay);
if (!Number.isInteger(replayPoints) || replayPoints < 0) {
  console.error(`eval: --replay must be an integer >= 0 (got ${a.replay})`);
  process.exit(2);
}
if (!dir || !existsSync(path.join(dir, 'truth.ndjson'))) {
  console.error(usage);
  process.exit(2);
}

const base = new URL(env().DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const inPlace = a['in-place'];
const name = `dw_eval_${Date.now().toString(36)}`;
const log = (m: string) => console.error(`[eval] ${m}`);

let pool: pg.Pool | null = null;
let code = 0;
try {
  let target = base.toString();
  if (inPlace) await migrate(target);
  else {
    target = await createMigratedDatabase(target, name);
    log(`database ${name} created`);
  }
  pool = new pg.Pool({ connectionString: target, max: 4 });
  const r = await evalScenario(pool, dir, {
    replayPoints,
    log,
    skipIngest: inPlace && a['skip-ingest'],
    censusOut: a.census,
  });
  console.log(
    `\nScenario ${dir}: detect ${(r.detect.elapsedMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB\n`,
  );
  console.log(formatTable([...r.families, r.overall], r.beforeAlarm));
  if (r.census) console.log(`\n${formatCensus(r.census)}`);
} catch (e) {
  console.error(`eval failed: ${(e as Error).stack ?? e}`);
  code = 1;
} finally {
  await pool?.end();
  if (!inPlace && !a.keep) await dropDatabase(base.toString(), name).catch(() => undefined);
  else if (!inPlace) log(`kept database ${name}`);
}
process.exit(code);
