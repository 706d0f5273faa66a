import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bindInstance, InstanceMismatchError } from '@/lib/bootstrap/instance-marker';

// `npm start` as an operator meets it: a taken embedded port, a process manager's SIGTERM, a
// real database in production. Each run uses its own data folder and free ports.
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'dw-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}
async function freePort(): Promise<number> {
  const s = await listen();
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}
function npmStart(env: Record<string, string | undefined>): Started {
  const base = { ...process.env };
  delete base.DATABASE_URL; // setup-env points it at this file's test database
  const child = spawn('npm', ['start'], {
    env: { ...base, NODE_ENV: 'development', DEMO_ACCOUNTS: '40', DEMO_EVENTS: '1500', ...env },
    detached: true, // its own process group, so the test can look for leftovers
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => (out += String(b)));
  child.stderr!.on('data', (b) => (out += String(b)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const groupAlive = (pgid: number) =>
  spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' }).stdout.trim();

describe('npm start', () => {
  it('exits non-zero within seconds, naming the port, when the embedded port is taken', async () => {
    const blocker = await listen(await freePort());
    const port = (blocker.address() as { port: number }).port;
    try {
      const s = npmStart({
        DATA_DIR: tmp(),
        PGLITE_PORT: String(port),
        PORT: String(await freePort()),
      });
      const t0 = Date.now();
      const code = await s.exited;
      expect(code).not.toBe(0);
      expect(Date.now() - t0).toBeLessThan(60_000); // tsx start-up included, on a loaded CI box
      expect(s.output()).toContain(`port ${port} is already in use`);
      expect(s.output()).toContain('PGLITE_PORT');
    } finally {
      blocker.close();
    }
  });

  it('SIGTERM to npm ends the start script, the embedded database and every child', async () => {
    const s = npmStart({
      DATA_DIR: tmp(),
      PGLITE_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    const pgid = s.child.pid!;
    // Signalled once start-up work is done (building, or serving); a signal during the demo
    // generation has its own test below.
    await waitFor(
      () => /no production build found|Distill Watch:/.test(s.output()),
      150_000,
      'the build or the server',
    );
    expect(groupAlive(pgid)).not.toBe('');
    process.kill(pgid, 'SIGTERM'); // the npm process only, as a process manager does
    await waitFor(() => groupAlive(pgid) === '', 30_000, 'every process of npm start to end').catch(
      (e: Error) => {
        const left = spawnSync('ps', ['-o', 'pid,stat,cmd', '-g', String(pgid)], {
          encoding: 'utf8',
        });
        spawnSync('kill', ['-KILL', `-${pgid}`]); // never leave a failed run's processes behind
        throw new Error(`${e.message}; still running:\n${left.stdout}\noutput:\n${s.output()}`);
      },
    );
    expect(s.output()).toContain('stopped cleanly');
  });

  it('SIGTERM while the demo data is generated leaves no process behind', async () => {
    // The generation is synchronous: the start script cannot act on the signal, and before the
    // embedded database ran behind a guard (scripts/pglite-guard.mjs) pglite-server was left
    // running with ppid 1.
    const s = npmStart({
      DATA_DIR: tmp(),
      PGLITE_PORT: String(await freePort()),
      PORT: String(await freePort()),
      DEMO_ACCOUNTS: '300',
      DEMO_EVENTS: '300000',
    });
    const pgid = s.child.pid!;
    await waitFor(() => /demo data: generating/.test(s.output()), 150_000, 'the demo generation');
    process.kill(pgid, 'SIGTERM');
    await waitFor(() => groupAlive(pgid) === '', 30_000, 'every process of npm start to end').catch(
      (e: Error) => {
        const left = spawnSync('ps', ['-o', 'pid,ppid,stat,cmd', '-g', String(pgid)], {
          encoding: 'utf8',
        });
        spawnSync('kill', ['-KILL', `-${pgid}`]);
        throw new Error(`${e.message}; still running:\n${left.stdout}`);
      },
    );
    expect(s.output()).not.toMatch(/demo data: ingesting/); // it was stopped mid-generation
  });

  it('with DATABASE_URL in production creates no demo user', async () => {
    const url = process.env.DATABASE_URL!;
    const s = npmStart({
      DATABASE_URL: url,
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 'start-test-secret-start-test-secret',
      PORT: String(await freePort()),
      DATA_DIR: tmp(),
    });
    const pgid = s.child.pid!;
    try {
      await waitFor(() => /no users yet/.test(s.output()), 90_000, 'the no-users hint');
    } finally {
      process.kill(-pgid, 'SIGTERM');
      await s.exited;
    }
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query('SELECT count(*)::int AS n FROM users');
    await c.end();
    expect(rows[0].n).toBe(0);
  });
});

describe('instance marker', () => {
  it('binds a database to the first data folder and refuses another', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const a = tmp();
      const id = await bindInstance(pool, a, 'test');
      expect(await bindInstance(pool, a, 'test')).toBe(id);
      await expect(bindInstance(pool, tmp(), 'test')).rejects.toBeInstanceOf(InstanceMismatchError);
    } finally {
      await pool.end();
    }
  });
});
