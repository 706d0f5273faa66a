/**
 * npm run ingest -- events|accounts <file|-> [--batch-size N] [--no-copy]   (gzip accepted; NDJSON
 * or CSV; flags also as --batch-size=N)
 * Exit status: 0 every line accepted (duplicates included), 1 some lines rejected (they are in
 * the quarantine table), 2 unusable input or usage error, 3 internal error (e.g. database down).
 * Connects to DATABASE_URL.
 */
import os from 'node:os';
import pg from 'pg';
import { databaseUrl } from '@/lib/env';
import { ingestAccounts, ingestEvents, IngestInputError } from '@/lib/ingest';
import { formatSummary, progressReporter } from '@/lib/ingest/progress';
import { parseIngestArgs, type IngestArgs } from './ingest-args';

let args: IngestArgs;
try {
  args = parseIngestArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
const { kind, file, batchSize } = args;

const pool = new pg.Pool({ connectionString: databaseUrl(), max: 3 });
const progress = progressReporter(process.stderr);
let code = 0;
try {
  const run = kind === 'events' ? ingestEvents : ingestAccounts;
  const summary = await run(file, {
    pool,
    actor: `cli:${os.userInfo().username}`,
    onProgress: progress.update,
    batchSize,
    useCopy: args.noCopy ? false : undefined,
  });
  progress.done();
  process.stdout.write(formatSummary(summary) + '\n');
  code = summary.rejected > 0 ? 1 : 0;
} catch (e) {
  progress.done();
  if (e instanceof IngestInputError) {
    process.stderr.write(`ingest: ${e.message}\n`);
    if (e.summary && e.summary.lines) process.stdout.write(formatSummary(e.summary) + '\n');
    code = 2;
  } else {
    process.stderr.write(`ingest failed: ${(e as Error).stack ?? e}\n`);
    code = 3; // not the input's fault (database unreachable, bug): committed batches stay, rerun is safe
  }
} finally {
  await pool.end();
}
process.exit(code);
