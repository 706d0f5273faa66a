import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { env } from '@/lib/env';
import { startEmbeddedPostgres, type Embedded } from '@/lib/bootstrap/embedded';
import { migrate } from '@/lib/db/migrate';
import { DEMO_USERS, seedDemoUsers } from '@/lib/bootstrap/seed-users';
import { localAuthSecret } from '@/lib/bootstrap/local-secret';
import { loadDemoData } from '@/lib/bootstrap/demo-data';
import { bindInstance } from '@/lib/bootstrap/instance-marker';
import { demoUsersPresent } from '@/lib/bootstrap/demo-guard';
import { sweepStaleRuns } from '@/lib/ingest/run-life';

// `npm start`: no DATABASE_URL → embedded PGlite (data in DATA_DIR, kept across restarts);
// DATABASE_URL set → that Postgres and nothing else. Then migrate, seed, build when needed, serve.
// Next's own entry point, not `npx next`: npx does not pass SIGTERM on, which left an orphaned
// next-server holding the port when only this process was signalled.
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
const e = env();
let embedded: Embedded | null = null;
let server: ChildProcess | null = null;
let stopping = false;
let demoSignIns = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  if (server && server.exitCode === null) {
    await new Promise<void>((r) => {
      server!.once('exit', () => r());
      server!.kill('SIGTERM');
      setTimeout(r, 10_000).unref();
    });
  }
  if (embedded) await embedded.stop();
  console.log('stopped cleanly');
  process.exit(code);
}
// Every signal that ends the parent ends the children: SIGINT (Ctrl-C), SIGTERM (process
// managers, `docker stop`), SIGHUP (the terminal closed). The package script is `exec tsx …`, so
// npm's forwarded signal reaches tsx, which relays it here; and if whatever started us dies
// without a signal, we notice that we were orphaned and stop as well.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(0));
// A crash must not orphan PGlite and Next either; and once stopping, the connections that the
// embedded database's exit cuts (a demo load in progress) are expected, not a crash.
process.on('uncaughtException', (err) => {
  if (stopping) return;
  console.error(`start failed: ${err.message}`);
  void shutdown(1);
});
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void shutdown(0);
}, 1000).unref();

/** Fails early, with the variable to change, instead of after migrations, demo load and build. */
function assertPortFree(port: number, variable: string, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', () =>
      reject(new Error(`port ${port} is already in use: stop that process or set ${variable}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

try {
  await assertPortFree(e.PORT, 'PORT');
  let url = e.DATABASE_URL;
  if (!url) {
    // PGlite's server logs EADDRINUSE and keeps running, and we would then talk to whatever
    // answers on that port: refuse before starting it.
    await assertPortFree(e.PGLITE_PORT, 'PGLITE_PORT', '127.0.0.1');
    console.log(
      `starting embedded Postgres (PGlite) on 127.0.0.1:${e.PGLITE_PORT}, data in ${e.DATA_DIR}/pglite`,
    );
    embedded = await startEmbeddedPostgres(e.DATA_DIR, e.PGLITE_PORT);
    url = embedded.url;
  } else {
    console.log('using DATABASE_URL');
  }
  const secret = e.NEXTAUTH_SECRET ?? localAuthSecret(e.DATA_DIR);
  if (!e.NEXTAUTH_SECRET)
    console.log(
      `auth secret: ${e.DATA_DIR}/auth-secret (made on first start; set NEXTAUTH_SECRET in production)`,
    );

  const m = await migrate(url, (msg) => console.log(msg));
  console.log(`migrations: ${m.applied.length} applied, ${m.skipped.length} already applied`);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    // Runs left 'running' by a killed ingest get closed as 'aborted', with their audit row.
    const swept = await sweepStaleRuns(pool);
    if (swept.length)
      console.log(
        `ingest runs left open by a killed process closed as aborted: ${swept.join(', ')}`,
      );
    if (embedded) {
      await bindInstance(pool, e.DATA_DIR, `127.0.0.1:${e.PGLITE_PORT}`);
      // Demo users (their passwords are in the README) belong to the embedded demo only.
      if (await seedDemoUsers(pool)) console.log('demo users created');
      await loadDemoData(pool, url, {
        accounts: e.DEMO_ACCOUNTS,
        events: e.DEMO_EVENTS,
        dataDir: e.DATA_DIR,
      });
    } else {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM users');
      if (Number(rows[0]?.n) === 0)
        console.log(
          'no users yet: this database has no sign-in (demo users are for the embedded demo only)',
        );
    }
    const demo = await demoUsersPresent(pool);
    if (e.NODE_ENV === 'production' && demo.length > 0)
      throw new Error(
        `refusing to serve in production while demo users exist (${demo.join(', ')}): ` +
          'delete them or run without NODE_ENV=production',
      );
    demoSignIns = demo.length > 0;
  } finally {
    await pool.end();
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    // The operator's public URL wins (secure cookies, SSO callbacks); localhost is the default.
    NEXTAUTH_URL: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (!existsSync('.next/BUILD_ID') && !stopping) {
    console.log('no production build found: running next build (about a minute)…');
    // Spawned, not spawnSync: a blocked event loop could not stop anything on SIGTERM. While it
    // runs, `server` is the build, so shutdown() ends it like the server.
    server = spawn(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: childEnv });
    const status = await new Promise<number | null>((r) => server!.once('exit', r));
    server = null;
    if (status !== 0 && !stopping) throw new Error('next build failed');
  }
  // A signal during the start-up work: shutdown() is already under way, start nothing more.
  if (stopping) await new Promise(() => undefined);
  server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(e.PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnv,
  });
  server.on('exit', (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
  console.log(`\nDistill Watch: http://localhost:${e.PORT}`);
  if (demoSignIns) {
    console.log('Demo sign-ins:');
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  /  ${u.password}`);
  }
  console.log('Ctrl-C stops the server and the database.\n');
} catch (err) {
  console.error(`start failed: ${(err as Error).message}`);
  await shutdown(1);
}
