import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { runDetection } from '@/lib/detect';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { withPgTransaction } from '@/lib/db/transaction';
import { generateScenario } from '@/lib/scenario/generate';
import { resolvePromptsCsv } from '@/lib/scenario/prompt-source';

export interface DemoOptions {
  accounts: number;
  events: number;
  dataDir: string;
  log?: (m: string) => void;
}

const DONE_KEY = 'demo.loaded';
const SEED = 1;

/**
 * Loads the demo scenario into a fresh embedded database, once: generate the default-mix scenario
 * into DATA_DIR/demo (kept, reused on the next attempt), ingest it through lib/ingest (idempotent:
 * an interrupted load resumes without duplicates), run detection, then mark it done in `settings`.
 * A database that already holds other accounts (not loaded by us) is left alone.
 */
export async function loadDemoData(pool: Pool, _url: string, opts: DemoOptions): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const done = await pool.query('SELECT 1 FROM settings WHERE key = $1', [DONE_KEY]);
  if (done.rows.length > 0 || opts.accounts === 0 || opts.events === 0) return;
  const dir = path.resolve(opts.dataDir, 'demo');
  const started = await pool.query('SELECT 1 FROM ingest_runs WHERE actor = $1 LIMIT 1', ['demo']);
  const other = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  if (other.rows[0].n > 0 && started.rows.length === 0) return;

  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  if (!existsSync(path.join(dir, 'truth.ndjson')) || !existsSync(path.join(dir, 'events.ndjson'))) {
    log(
      `demo data: generating ${opts.accounts} accounts / ${opts.events.toLocaleString('en-US')} events into ${dir}`,
    );
    let last = 0;
    generateScenario({
      accounts: Math.max(150, opts.accounts),
      events: opts.events,
      seed: SEED,
      mix: 'default',
      outDir: dir,
      promptsCsv: resolvePromptsCsv(),
      onProgress: (p) => {
        if (p.phase === 'events' && p.done - last >= 100_000) {
          last = p.done;
          log(
            `  generated ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} events (${secs()})`,
          );
        }
      },
    });
  }
  log('demo data: ingesting accounts');
  await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'demo' });
  let lastLog = 0;
  const ev = await ingestEvents(path.join(dir, 'events.ndjson'), {
    pool,
    actor: 'demo',
    onProgress: (p) => {
      if (Date.now() - lastLog < 5000) return;
      lastLog = Date.now();
      const pct = p.bytesTotal ? ` ${((100 * p.bytesRead) / p.bytesTotal).toFixed(0)}%` : '';
      log(`  ingested ${p.accepted.toLocaleString('en-US')} events${pct} (${secs()})`);
    },
  });
  log(
    `demo data: ${ev.accepted.toLocaleString('en-US')} events ingested (${ev.duplicates} already there); running detection`,
  );
  const d = await runDetection(pool, { actor: { id: null, email: 'demo' } });
  log(
    `demo data: ${d.flaggedAccounts} accounts and ${d.flaggedClusters} clusters flagged; ready after ${secs()}`,
  );
  const marker = {
    accounts: opts.accounts,
    events: opts.events,
    seed: SEED,
    at: new Date().toISOString(),
  };
  await withPgTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2::jsonb, 'demo') ON CONFLICT (key) DO NOTHING`,
      [DONE_KEY, JSON.stringify(marker)],
    );
    await writeAudit(pgRunner(client), {
      actor: SYSTEM_ACTOR,
      action: 'demo.load',
      targetType: 'setting',
      targetId: DONE_KEY,
      after: marker,
    });
  });
}
