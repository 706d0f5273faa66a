import path from 'node:path';
import { pgPool } from '@/lib/db/client';
import { runDetection } from '@/lib/detect';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { generateScenario } from '@/lib/scenario/generate';

/**
 * The small detected scenario the cluster page rollup tests share: 150 accounts / 15k events of
 * seed 5 in `dir` (its events.ndjson stays there for the tests' own batches), generated with the
 * generator's own templates, ingested in 4,000-row batches and detected once.
 */
export async function detectedClusterScenario(dir: string): Promise<void> {
  generateScenario({
    accounts: 150,
    events: 15_000,
    seed: 5,
    mix: 'default',
    outDir: dir,
    promptsCsv: path.join(dir, 'no-shared-prompts.csv'), // absent: the generator's own templates
  });
  const pool = pgPool();
  await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'test' });
  await ingestEvents(path.join(dir, 'events.ndjson'), { pool, actor: 'test', batchSize: 4000 });
  await runDetection(pool);
}
