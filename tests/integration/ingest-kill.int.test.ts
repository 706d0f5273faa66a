import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb, snapshot } from './ingest-snapshot';

const N = 30_000;
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dw-kill-')), 'events.ndjson');
let killed: Awaited<ReturnType<typeof freshDb>>;
let clean: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  await writeNdjson(file, generateFlatEvents({ events: N, accounts: 200, seed: 99 }));
  [killed, clean] = await Promise.all([freshDb('dw_kill'), freshDb('dw_clean')]);
});
afterAll(async () => {
  await killed.drop();
  await clean.drop();
});

// The CLI in its own process group, so SIGKILL reaches npx, tsx and the node process doing the work.
function cli(url: string) {
  return spawn(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/ingest.ts', 'events', file, '--batch-size=1000'],
    {
      env: { ...process.env, DATABASE_URL: url },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
const count = async (db: typeof killed) =>
  (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;

describe('loss-free ingest', () => {
  it('SIGKILL mid-file then a rerun ends with exactly the accepted set and the same rollups', async () => {
    const child = cli(killed.url);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const t0 = Date.now();
    while ((await count(killed)) < 3000) {
      if (Date.now() - t0 > 90_000) throw new Error('ingest did not start committing');
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    const partial = await count(killed);
    expect(partial).toBeGreaterThanOrEqual(3000);
    expect(partial).toBeLessThan(N); // really killed mid-file
    expect(partial % 1000).toBe(0); // whole batches only: each commits atomically

    const rerun = cli(killed.url);
    let out = '';
    rerun.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => rerun.on('exit', (c) => r(c)));
    expect(code, out).toBe(0);
    expect(out).toMatch(
      new RegExp(
        `accepted ${(N - partial).toLocaleString('en-US')}, duplicates skipped ${partial.toLocaleString('en-US')}`,
      ),
    );

    await ingestEvents(file, { pool: clean.pool, batchSize: 5000 });
    expect(await count(killed)).toBe(N);
    expect(await snapshot(killed.pool)).toEqual(await snapshot(clean.pool));
    const runs = await killed.pool.query(`SELECT status FROM ingest_runs ORDER BY id`);
    expect(runs.rows.map((r) => r.status)).toEqual(['running', 'done']); // the killed run never closed
  });
});
