import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { loadDemoData } from '@/lib/bootstrap/demo-data';
import { prisma } from '@/lib/db/client';
import { createIngestToken } from '@/lib/ingest/tokens';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';

// The world `npm run bench:load` drives: a fresh database with the demo scenario, one admin, one
// ingest token, and the production server (`next start`) on loopback.

export const DATA_DIR = '.data/bench-load';

export const ADMIN = { email: 'bench-admin@distill.test', password: 'bench-load-password' };

/** Call after pointAtDatabase(url): the token is made by the app's own code (lib/ingest/tokens). */
export async function seedWorld(url: string, size: { accounts: number; events: number }) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    const adminId = randomUUID();
    await pool.query(
      `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, 'Bench', 'admin', $3)`,
      [adminId, ADMIN.email, await hashPassword(ADMIN.password)],
    );
    // One folder per size: loadDemoData reuses a generated scenario it finds in its folder.
    const dataDir = path.join(DATA_DIR, `${size.accounts}-${size.events}`);
    await loadDemoData(pool, url, { ...size, dataDir, log: () => undefined });
    const { token: secret } = await prisma.$transaction((tx) =>
      createIngestToken(
        tx,
        (e) => writeAudit(prismaRunner(tx), { ...e, actor: SYSTEM_ACTOR }).then(() => undefined),
        { name: 'bench', scopes: ['events'], expiresAt: null },
        adminId,
      ),
    );
    const top = await pool.query<{ account_id: string }>(
      'SELECT account_id FROM account_score ORDER BY risk DESC, account_id LIMIT 1',
    );
    // 100 real lines of the demo's events: the ingest body (re-sent: duplicates, still parsed).
    // Read as a stream: at 1M events the file is over 512 MB, longer than a string may be.
    const head: string[] = [];
    const eventsFile = path.join(dataDir, 'demo', 'events.ndjson');
    const rl = createInterface({ input: createReadStream(eventsFile) });
    for await (const line of rl) if (head.push(line) >= 100) break;
    rl.close();
    const lines = head.join('\n');
    return {
      token: secret,
      account: top.rows[0]!.account_id,
      ingestBody: `${lines}\n`,
      eventsFile,
    };
  } finally {
    await pool.end();
  }
}

export async function startServer(url: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      path.resolve('node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(24).toString('hex'),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        EVIDENCE_WORKER: 'off',
        // The bench measures what a sign-in costs, not the throttle: 50 parallel sign-ins of one
        // account from one address would (rightly) wait after LOGIN_MAX_FAILURES attempts.
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_MAX_FAILURES_PER_IP: '1000000',
      },
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited ${server.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > deadline) throw new Error('next start did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** next-auth's double-submit CSRF pair, then one real sign-in for the session cookie. */
export async function signInOnce(base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, ...ADMIN, json: 'true' }).toString();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body,
    redirect: 'manual',
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return { csrfCookie, signInBody: body, cookie: `${csrfCookie}; ${session}` };
}
