/**
 * npm run bench:load [-- --connections 50 --duration 20 --amount 5000 --accounts 400 --events 40000
 *                        --ingest-events 200000 --ingest-timeout 600 --gzip]
 * Starts the production server (`next start`, build required) on loopback against a fresh database
 * with the demo scenario, and drives with autocannon, one after the other: sign-in, the accounts
 * list, an account page and the HTTP ingest endpoint, each bounded by --amount requests and
 * --duration seconds. Then the same runs again, each beside one real HTTP ingest of
 * --ingest-events new events (streamed, gzip with --gzip; 0 skips this phase): the reader starts
 * once the ingest is sent and is stopped when the ingest answers, so its figures are measured while
 * the ingest runs. Prints p50/p99, throughput, 2xx, 429 (the ingest cap, designed) and errors per
 * run, the ingest's wall time, events/s and status, with the load average beside them. The
 * database is dropped and the server stopped at the end.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { env, pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';
import { seedWorld, signInOnce, startServer, DATA_DIR } from '../bench/load/setup';
import { postIngest, writeIngestBody } from '../bench/load/ingest-beside';
import { printHeader, printIngest, printRun } from '../bench/load/report';
import { boundedRun, settle, type Bounds } from '../bench/load/run';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    amount: { type: 'string', default: '5000' },
    accounts: { type: 'string', default: '400' },
    events: { type: 'string', default: '40000' },
    'ingest-events': { type: 'string', default: '200000' },
    'ingest-timeout': { type: 'string', default: '600' },
    gzip: { type: 'boolean', default: false },
    port: { type: 'string', default: String(env().PORT + 100) },
  },
});
const n = (k: Exclude<keyof typeof values, 'gzip'>, min = 1) => {
  const v = Number(values[k]);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${k} must be an integer ≥ ${min}`);
  return v;
};
if (!existsSync('.next/BUILD_ID')) {
  console.error('no production build: run `npm run build` first');
  process.exit(2);
}
const ingestEvents = n('ingest-events', 0);
const gzip = values.gzip;

const admin = env().BENCH_ADMIN_URL;
const dbName = `dw_bench_load_${Date.now().toString(36)}`;
const url = await createMigratedDatabase(admin, dbName);
pointAtDatabase(url);
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const bodyFile = path.join(DATA_DIR, `beside.ndjson${gzip ? '.gz' : ''}`);
try {
  const world = await seedWorld(url, { accounts: n('accounts'), events: n('events') });
  const base = `http://127.0.0.1:${n('port')}`;
  server = await startServer(url, n('port'));
  const auth = await signInOnce(base);
  const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: auth.csrfCookie };
  const runs: Array<[string, autocannon.Options]> = [
    [
      'sign-in',
      {
        url: `${base}/api/auth/callback/credentials`,
        method: 'POST',
        headers: form,
        body: auth.signInBody,
      },
    ],
    ['accounts list', { url: `${base}/api/v1/accounts?size=25`, headers: { cookie: auth.cookie } }],
    [
      'account page',
      {
        url: `${base}/accounts/${encodeURIComponent(world.account)}`,
        headers: { cookie: auth.cookie },
      },
    ],
    [
      'ingest (100 events)',
      {
        url: `${base}/api/v1/ingest/events`,
        method: 'POST',
        headers: { authorization: `Bearer ${world.token}`, 'content-type': 'application/x-ndjson' },
        body: world.ingestBody,
      },
    ],
  ];
  const bounds: Bounds = {
    connections: n('connections'),
    amount: n('amount'),
    duration: n('duration'),
  };
  console.log(
    `${bounds.connections} connections, at most ${bounds.amount} requests or ${bounds.duration} s per run`,
  );
  printHeader('readers alone');
  for (const [name, opts] of runs) {
    printRun(name, await boundedRun(opts, bounds));
    await settle(base);
  }

  if (ingestEvents > 0) {
    printHeader(
      `readers beside one HTTP ingest of ${ingestEvents.toLocaleString('en-US')} new events${gzip ? ' (gzip)' : ''} each`,
    );
    for (const [i, [name, opts]] of runs.entries()) {
      const bytes = await writeIngestBody(world.eventsFile, bodyFile, ingestEvents, `bl${i}`, gzip);
      let admitted!: () => void;
      const inServer = new Promise<void>((ok) => (admitted = ok));
      const timeout = n('ingest-timeout') * 1000;
      const ingest = postIngest(base, world.token, bodyFile, gzip, timeout, () => admitted());
      // The reader starts once the server reads the ingest's body (or the ingest has answered).
      await Promise.race([inServer, ingest]);
      const readerAt = performance.now();
      const r = await boundedRun(opts, bounds, ingest);
      const readerEnd = performance.now();
      const o = await ingest;
      printRun(name, r);
      const overlap = Math.min(readerEnd, o.at + o.ms) - Math.max(readerAt, o.at);
      printIngest(ingestEvents, bytes, o, Math.max(0, overlap / 1000));
      await settle(base);
    }
  }
} finally {
  rmSync(bodyFile, { force: true });
  if (server?.pid) server.kill('SIGTERM');
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await dropDatabase(admin, dbName);
}
