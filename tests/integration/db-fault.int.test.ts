import net from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';

// Fault test (issue 12): Postgres goes away mid-request. The app must answer 503 with a clear
// message (not hang, not 500, not crash) and recover by itself when the database is back. The
// shared Postgres is never stopped: the app reaches it through this TCP proxy, which the test cuts
// (every open connection reset, new ones refused) and restores.
const target = new URL(process.env.DATABASE_URL as string);
const live = new Set<net.Socket>();
let down = false;
const proxy = net.createServer((client) => {
  if (down) return void client.destroy();
  const server = net.connect(Number(target.port || 5432), target.hostname);
  for (const s of [client, server]) {
    live.add(s);
    s.on('error', () => undefined);
    s.on('close', () => live.delete(s));
  }
  client.pipe(server).pipe(client);
  client.on('close', () => server.destroy());
  server.on('close', () => client.destroy());
});
await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
const cut = () => {
  down = true;
  for (const s of live) s.destroy();
};
const restore = () => {
  down = false;
};

const via = new URL(target);
via.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
process.env.DB_CONNECT_TIMEOUT_MS = '1000';
process.env.INGEST_LANES = '1';
pointAtDatabase(via.toString());

const { POST } = await import('@/app/api/v1/ingest/events/route');
const { closeDb, pgPool, prisma } = await import('@/lib/db/client');
const { createIngestToken } = await import('@/lib/ingest/tokens');
afterAll(async () => {
  await closeDb();
  await new Promise((r) => proxy.close(r));
});

const line = (i: number) =>
  JSON.stringify({
    id: `fault-${i}`,
    ts: '2026-10-07T08:00:00Z',
    account_id: `acct-fault-${i % 3}`,
    model: 'm',
    prompt: `prompt ${i}`,
  });
const post = (token: string, body: ReadableStream<Uint8Array> | string) =>
  POST(
    new NextRequest('http://localhost/api/v1/ingest/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]),
  );

describe('Postgres stops mid-request', () => {
  it('answers 503 with a clear message and Retry-After, then recovers by itself', async () => {
    const { token } = await prisma.$transaction((tx) =>
      createIngestToken(
        tx,
        async () => undefined,
        { name: 'fault', scopes: ['events'], expiresAt: null },
        'admin-1',
      ),
    );
    expect((await post(token, `${line(1)}\n`)).status).toBe(200);

    // An upload is running (its run open, its body still coming) when the database goes away.
    let resume = () => {};
    const gate = new Promise<void>((r) => (resume = r));
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (step++ === 0) return c.enqueue(new TextEncoder().encode(`${line(2)}\n`));
        await gate;
        c.enqueue(new TextEncoder().encode(`${line(3)}\n`));
        c.close();
      },
    });
    const upload = post(token, body);
    const t0 = Date.now();
    while (
      (await prisma.ingestRun.count({ where: { source: 'http:' + token.slice(0, 12) } })) < 2
    ) {
      if (Date.now() - t0 > 60_000) throw new Error('the upload never opened its run');
      await new Promise((r) => setTimeout(r, 50));
    }
    // ... and a request holds an app connection mid-transaction (checked out of the pool).
    const held = await pgPool().connect();
    await held.query('BEGIN');
    cut();
    resume();
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    const mid = await upload;
    expect(mid.status).toBe(503);
    expect(mid.headers.get('retry-after')).toBe('5');
    expect((await mid.json()).error).toEqual({
      code: 'unavailable',
      message: 'The database is unavailable right now. Try again in a few seconds.',
    });

    // While it is down, a new request is refused as quickly, not left hanging.
    const t1 = Date.now();
    const whileDown = await post(token, `${line(4)}\n`);
    expect(whileDown.status).toBe(503);
    expect(Date.now() - t1).toBeLessThan(10_000);

    // Back: the same process, the same pools, no restart.
    restore();
    const after = await post(token, `${line(5)}\n`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ ok: true, accepted: 1 });
    expect(await prisma.event.count({ where: { id: { startsWith: 'fault-' } } })).toBe(2);
  });
});
