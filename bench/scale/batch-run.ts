import { pointAtDatabase } from '@/lib/env';
import { databaseUrlOn, listDatabases } from '@/lib/db/databases';
import { loadAwesomePrompts, resolvePromptsCsv } from '@/lib/scenario/prompt-source';
import { extraBatch } from './batch';
import { detectInChild } from './detect-child';
import { linesStream } from './stream';
import { loadLine } from '../stats';

export interface BatchArgs {
  /** a database `npm run scale -- --keep` left */
  database: string;
  events: number;
  accounts: number;
  seed: number;
  /** checkouts whose `detect --since-last` runs after the batch, one batch each, in turn */
  code: string[];
}

/**
 * For each checkout in `code`: one more batch (`extraBatch`, seed + its position) onto the kept
 * database's accounts, then `detect --since-last` of that checkout in its own process. Several
 * checkouts alternate on the same database, for before/after pairs at one load.
 */
export async function runBatches(a: BatchArgs, admin: string): Promise<void> {
  if (!(await listDatabases(admin, a.database)).includes(a.database))
    throw new Error(`no database ${a.database} (keep one with npm run scale -- --keep)`);
  const url = databaseUrlOn(admin, a.database);
  pointAtDatabase(url);
  const { pgPool, closeDb } = await import('@/lib/db/client');
  const { ingestEvents } = await import('@/lib/ingest');
  const pool = pgPool();
  try {
    const ids = (
      await pool.query<{ id: string }>('SELECT account_id AS id FROM accounts ORDER BY account_id')
    ).rows.map((r) => r.id);
    const prompts = loadAwesomePrompts(resolvePromptsCsv()).prompts;
    for (const [i, cwd] of a.code.entries()) {
      const seed = a.seed + i;
      const b = await ingestEvents(
        linesStream(extraBatch(ids, { events: a.events, accounts: a.accounts, seed }, prompts)),
        { pool, actor: 'scale' },
      );
      const inc = await detectInChild(url, ['--since-last'], cwd);
      console.log(
        `${cwd}: --since-last after ${b.accepted.toLocaleString('en')} more events (seed ${seed}): ${inc.wallS.toFixed(1)} s wall, peak RSS ${inc.rssMb} MB; load ${loadLine()}\n  ${inc.summary.split('\n').join('\n  ')}`,
      );
    }
  } finally {
    await closeDb();
  }
}
