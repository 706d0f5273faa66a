import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ensurePrivateDir } from './private-dir';

// The embedded database: PGlite (Postgres 17 in WASM) served over a local socket by
// pglite-server, in its own process, with data kept under DATA_DIR/pglite across restarts.
// `?sslmode=disable` matters: the server does not answer the SSL request.
export interface Embedded {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<Embedded> {
  const dir = path.resolve(dataDir, 'pglite');
  ensurePrivateDir(path.resolve(dataDir));
  ensurePrivateDir(dir);
  const bin = path.resolve('node_modules/.bin/pglite-server');
  // Through a guard that ends the server when this process dies, even by SIGKILL: our end of its
  // stdin pipe closes then (scripts/pglite-guard.mjs).
  const guard = path.resolve('scripts/pglite-guard.mjs');
  const args = ['-d', dir, '-p', String(port), '-h', '127.0.0.1', '-m', '20'];
  const child = spawn(process.execPath, [guard, bin, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', () => undefined);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  await waitForPostgres(url, child);
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT'); // lets PGlite flush and close its data directory cleanly
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

async function waitForPostgres(
  url: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`pglite-server exited with code ${child.exitCode}`);
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (e) {
      last = e;
      await c.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`embedded Postgres did not answer within ${timeoutMs} ms: ${String(last)}`);
}
