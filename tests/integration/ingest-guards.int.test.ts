import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';

// Defect 3: HTTP ingest could hang the whole app. Each upload held INGEST_LANES connections of the
// app's one pool (and took one more to finish); a few concurrent uploads took every connection and
// sign-in and the pages waited for good. Here the app pool is small (4) on purpose: before the
// fix, three uploads of two lanes each starved it, and a fourth upload was not refused.
process.env.DB_POOL_SIZE = '4';
process.env.INGEST_LANES = '2';
process.env.INGEST_MAX_CONCURRENT = '3';
process.env.DB_STATEMENT_TIMEOUT_MS = '1500';
process.env.DB_CONNECT_TIMEOUT_MS = '1000';
pointAtDatabase(process.env.DATABASE_URL as string); // re-reads the environment above

const { POST } = await import('@/app/api/v1/ingest/events/route');
const { closeDb, ingestPgPool, pgPool, prisma } = await import('@/lib/db/client');
const { createIngestToken } = await import('@/lib/ingest/tokens');
const { signInWithPassword, SignInError } = await import('@/lib/auth/sign-in');
const { listAccounts } = await import('@/lib/queries/accounts-list');
const { DEFAULT_ACCOUNT_QUERY } = await import('@/lib/queries/account-filter');
const { toErrorResponse } = await import('@/lib/api/errors');
const { ingestHttp } = await import('@/lib/ingest/http');

let token = '';
beforeAll(async () => {
  const t = await prisma.$transaction((tx) =>
    createIngestToken(
      tx,
      async () => undefined,
      { name: 'guards', scopes: ['events', 'accounts'], expiresAt: null },
      'admin-1',
    ),
  );
  token = t.token;
});
afterAll(closeDb);

const line = (tag: string, i: number) =>
  JSON.stringify({
    id: `${tag}-${i}`,
    ts: '2026-10-05T08:00:00Z',
    account_id: `acct-${tag}-${i % 7}`,
    model: 'm',
    prompt: `hello number ${i} there`,
  });
const lines = (tag: string, n: number) => Array.from({ length: n }, (_, i) => line(tag, i + 1));

/** A body that sends `head`, then waits for `resume()` before sending `tail` (or forever). */
function heldBody(head: string[], tail: string[]) {
  let resume = () => {};
  const gate = new Promise<void>((r) => (resume = r));
  let step = 0;
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(c) {
      if (step++ === 0) return c.enqueue(enc.encode(`${head.join('\n')}\n`));
      await gate;
      if (tail.length) c.enqueue(enc.encode(`${tail.join('\n')}\n`));
      c.close();
    },
  });
  return { stream, resume };
}

const post = (body: ReadableStream<Uint8Array> | string) =>
  POST(
    new NextRequest('http://localhost/api/v1/ingest/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]),
  );

const running = async () =>
  (await pgPool().query(`SELECT count(*)::int AS n FROM ingest_runs WHERE status = 'running'`))
    .rows[0].n as number;

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const t = Date.now();
  await work();
  return Date.now() - t;
}

describe('HTTP ingest cannot hang the app', () => {
  it('caps concurrent uploads (429 + Retry-After) while sign-in and pages still answer', async () => {
    const held = ['a', 'b', 'c'].map((tag) => ({
      tag,
      ...heldBody(lines(tag, 20), [line(tag, 21)]),
    }));
    const uploads = held.map((h) => post(h.stream));
    const t0 = Date.now();
    while ((await running()) < 3) {
      if (Date.now() - t0 > 60_000) throw new Error('the three uploads never started their runs');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Three runs of two lanes hold six connections, on the ingest pool; the app pool is all free.
    const fourth = await post(lines('d', 3).join('\n'));
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await fourth.json()).error.message).toMatch(/INGEST_MAX_CONCURRENT/);
    const signIn = await timed(() =>
      expect(signInWithPassword('nobody@distill.test', 'wrong', null)).rejects.toBeInstanceOf(
        SignInError,
      ),
    );
    const pages = await timed(() =>
      Promise.all(Array.from({ length: 8 }, () => listAccounts(DEFAULT_ACCOUNT_QUERY))),
    );
    // Before the fix both waited for a pool connection until the uploads ended (never, here).
    expect(signIn).toBeLessThan(5_000);
    expect(pages).toBeLessThan(5_000);
    expect(await running()).toBe(3);
    for (const h of held) h.resume();
    const done = await Promise.all(uploads);
    for (const res of done) {
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, accepted: 21, committedThrough: 21 });
    }
    // the slots are free again
    expect((await post(lines('e', 2).join('\n'))).status).toBe(200);
    // and no pooled connection keeps a closed run's liveness lock (lib/ingest/run-life.ts);
    // pg_locks spans the whole server, where other databases may be ingesting: this one only
    const locks = await ingestPgPool().query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [0x16e57],
    );
    expect(locks.rows[0].n).toBe(0);
  });

  it('ends a stalled body with 408 and names the line through which it committed', async () => {
    const all = lines('s', 95);
    const held = heldBody(all, []);
    const err = await ingestHttp({
      kind: 'events',
      body: held.stream,
      headers: new Headers(),
      token: { id: 't-stall', name: 'stall', prefix: 'dwi_stallxxx' },
      pool: ingestPgPool(),
      requestId: 'req-stall',
      limits: { bodyIdleMs: 300 },
      tuning: { batchSize: 10, lanes: 2 },
    }).catch((e: unknown) => e as Error & { summary?: { committedThrough?: number } });
    const res = toErrorResponse(err, 'req-stall');
    expect(res.status).toBe(408);
    const { message } = (await res.json()).error;
    const through = Number(
      /committed through line (\d+); resend from line (\d+)/.exec(message)?.[1],
    );
    expect(through).toBeGreaterThan(0);
    expect(through).toBeLessThan(95);
    // exact: every line up to it is in the database, and the next one is not
    const ids = new Set(
      (await pgPool().query<{ id: string }>(`SELECT id FROM events WHERE id LIKE 's-%'`)).rows.map(
        (r) => r.id,
      ),
    );
    for (let i = 1; i <= through; i++) expect(ids.has(`s-${i}`)).toBe(true);
    expect(ids.has(`s-${through + 1}`)).toBe(false);
    // the stopped run is closed (failed, audited), not left for the sweep
    const run = await pgPool().query(
      `SELECT r.status, (SELECT count(*)::int FROM audit_log a WHERE a.target_id = r.id::text
         AND a.action IN ('ingest.start', 'ingest.run')) AS audited
       FROM ingest_runs r WHERE r.source = 'http:dwi_stallxxx'`,
    );
    expect(run.rows).toEqual([{ status: 'failed', audited: 2 }]);
  });

  it('gives the pools connect and statement timeouts that end in a clear 503', async () => {
    const ingestTimeout = await ingestPgPool().query('SHOW statement_timeout');
    expect(ingestTimeout.rows[0].statement_timeout).toBe('5min');
    const slow = await pgPool()
      .query('SELECT pg_sleep(5)')
      .catch((e: unknown) => e);
    expect((slow as { code?: string }).code).toBe('57014');
    expect(toErrorResponse(slow, 'r').status).toBe(503);
    // every connection of the app pool busy: the next caller waits DB_CONNECT_TIMEOUT_MS, not forever
    const clients = await Promise.all(Array.from({ length: 4 }, () => pgPool().connect()));
    try {
      const t = Date.now();
      const waited = await pgPool()
        .query('SELECT 1')
        .catch((e: unknown) => e);
      expect(Date.now() - t).toBeLessThan(5_000);
      const res = toErrorResponse(waited, 'r');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      for (const c of clients) c.release();
    }
  });
});
