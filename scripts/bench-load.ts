/**
 * npm run bench:load [-- --connections 50 --duration 20 --amount 5000 --accounts 3000 --events 500000]
 * Starts the production server (`next start`, build required) on loopback against a fresh database
 * with the demo scenario, and drives with autocannon, one after the other: sign-in, the accounts
 * list, an account page and the HTTP ingest endpoint. Each run is bounded by --amount requests and
 * --duration seconds. Prints p50/p99 latency, throughput, non-2xx answers and errors per run, with
 * the load average beside them. The database is dropped and the server stopped at the end.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { env, pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';
import { seedWorld, signInOnce, startServer } from '../bench/load/setup';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    amount: { type: 'string', default: '5000' },
    accounts: { type: 'string', default: '400' },
    events: { type: 'string', default: '40000' },
    port: { type: 'string', default: String(env().PORT + 100) },
  },
});
const n = (k: keyof typeof values) => {
  const v = Number(values[k]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${k} must be a positive integer`);
  return v;
};
if (!existsSync('.next/BUILD_ID')) {
  console.error('no production build: run `npm run build` first');
  process.exit(2);
}

const admin = env().BENCH_ADMIN_URL;
const dbName = `dw_bench_load_${Date.now().toString(36)}`;
const url = await createMigratedDatabase(admin, dbName);
pointAtDatabase(url);
let server: Awaited<ReturnType<typeof startServer>> | undefined;
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
  console.log(
    `${n('connections')} connections, at most ${n('amount')} requests or ${n('duration')} s per run`,
  );
  console.log(
    'run                  requests   p50 ms   p99 ms    req/s  non-2xx  errors  load avg        statuses',
  );
  for (const [name, opts] of runs) {
    const r = await autocannon({
      ...opts,
      connections: n('connections'),
      amount: n('amount'),
      duration: n('duration'),
    });
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    // e.g. 429 from the ingest concurrency cap (INGEST_MAX_CONCURRENT) is expected at 50 connections.
    const statuses = Object.entries(r.statusCodeStats ?? {})
      .map(([code, s]) => `${code}×${s.count ?? 0}`)
      .join(' ');
    console.log(
      `${name.padEnd(20)} ${String(r.requests.total).padStart(8)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors + r.timeouts).padStart(7)}  ${load.padEnd(14)}  ${statuses}`,
    );
  }
} finally {
  if (server?.pid) server.kill('SIGTERM');
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await dropDatabase(admin, dbName);
}
