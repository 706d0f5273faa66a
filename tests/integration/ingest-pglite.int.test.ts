import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type Embedded } from '@/lib/bootstrap/embedded';
import { migrate } from '@/lib/db/migrate';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb, snapshot } from './ingest-snapshot';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-ing-pglite-'));
const file = path.join(dir, 'events.ndjson');
let lite: Embedded;
let litePool: pg.Pool;
let real: Awaited<ReturnType<typeof freshDb>>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  await writeNdjson(file, generateFlatEvents({ events: 4000, accounts: 30, seed: 5 }));
  lite = await startEmbeddedPostgres(path.join(dir, 'data'), await freePort());
  await migrate(lite.url);
  litePool = new pg.Pool({ connectionString: lite.url, max: 2 });
  real = await freshDb('dw_ing_vs');
});
afterAll(async () => {
  await litePool?.end();
  await lite?.stop();
  await real?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest into the embedded PGlite', () => {
  it('takes the same file through batched json inserts with results identical to Postgres + COPY', async () => {
    const version = (await litePool.query('SELECT version() AS v')).rows[0].v as string;
    expect(version).toMatch(/wasm|emscripten/i);
    const t0 = Date.now();
    // useCopy is ignored on PGlite (COPY FROM STDIN would wedge its socket server)
    const a = await ingestEvents(file, { pool: litePool, batchSize: 1500, useCopy: true });
    const rate = Math.round(4000 / ((Date.now() - t0) / 1000));
    const b = await ingestEvents(file, { pool: real.pool, batchSize: 1500 });
    expect(a).toMatchObject({ accepted: 4000, rejected: 0 });
    expect({ ...a, runId: '', elapsedMs: 0, analyzeMs: 0, timings: null, batches: null }).toEqual({
      ...b,
      runId: '',
      elapsedMs: 0,
      analyzeMs: 0,
      timings: null,
      batches: null,
    });
    for (const src of ['docs/samples/events.ndjson', 'docs/samples/events.csv']) {
      const x = await ingestEvents(src, { pool: litePool });
      const y = await ingestEvents(src, { pool: real.pool });
      expect({ ...x, runId: '', elapsedMs: 0, analyzeMs: 0, timings: null, batches: null }).toEqual(
        {
          ...y,
          runId: '',
          elapsedMs: 0,
          analyzeMs: 0,
          timings: null,
          batches: null,
        },
      );
    }
    await ingestAccounts('docs/samples/accounts.ndjson', { pool: litePool });
    await ingestAccounts('docs/samples/accounts.ndjson', { pool: real.pool });
    const [sl, sr] = [await snapshot(litePool), await snapshot(real.pool)];
    expect(
      sl.indicator.filter((r) => ['payment', 'email_domain', 'org', 'signup_ip24'].includes(r.kind))
        .length,
    ).toBeGreaterThan(0);
    expect(sl).toEqual(sr);
    const again = await ingestEvents(file, { pool: litePool });
    expect(again).toMatchObject({ accepted: 0, duplicates: 4000 });
    console.log(`PGlite ingest: ${rate} rows/s (4000 events, batches of 1500)`);
  });
});
