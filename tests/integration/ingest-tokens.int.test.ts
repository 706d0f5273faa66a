import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';

// Defect 8 (ingest tokens): no scope, no expiry, and revocation checked only when an upload
// began. Batches are sent every ~2 kB here, so an upload commits several before it is revoked.
process.env.INGEST_BATCH_MAX_BYTES = '2000';
process.env.INGEST_LANES = '2';
pointAtDatabase(process.env.DATABASE_URL as string);

const events = await import('@/app/api/v1/ingest/events/route');
const accounts = await import('@/app/api/v1/ingest/accounts/route');
const { closeDb, pgPool, prisma } = await import('@/lib/db/client');
const { createIngestToken, revokeIngestToken } = await import('@/lib/ingest/tokens');
afterAll(closeDb);

const noAudit = async () => undefined;
const make = (scopes: ('events' | 'accounts')[], expiresAt: Date | null = null) =>
  prisma.$transaction((tx) =>
    createIngestToken(tx, noAudit, { name: `t-${scopes.join('-')}`, scopes, expiresAt }, 'admin-1'),
  );
const post = (
  route: typeof events,
  token: string,
  body: ReadableStream<Uint8Array> | string,
): Promise<Response> =>
  route.POST(
    new NextRequest('http://localhost/api/v1/ingest/x', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]),
  );
const event = (tag: string, i: number) =>
  JSON.stringify({
    id: `${tag}-${i}`,
    ts: '2026-10-06T08:00:00Z',
    account_id: `acct-${tag}-${i % 5}`,
    model: 'm',
    prompt: `a prompt of some length, number ${i}, to fill the batch`,
  });
const range = (tag: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => event(tag, from + k)).join('\n') + '\n';

describe('ingest tokens', () => {
  it('are refused outside their scope (403) and after they expire (401)', async () => {
    const acc = await make(['accounts']);
    const refused = await post(events, acc.token, range('scope', 1, 2));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/may feed accounts only, not events/);
    const ok = await post(accounts, acc.token, '{"account_id":"acct-scope-1"}\n');
    expect(ok.status).toBe(200);

    const soon = await make(['events'], new Date(Date.now() + 60_000));
    expect((await post(events, soon.token, range('exp', 1, 2))).status).toBe(200);
    await pgPool().query(
      `UPDATE ingest_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [soon.id],
    );
    const expired = await post(events, soon.token, range('exp', 3, 4));
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/revoked or expired/);
  });

  it('stop an upload at its next batch once revoked, saying what was committed', async () => {
    const t = await make(['events']);
    let resume = () => {};
    const gate = new Promise<void>((r) => (resume = r));
    let step = 0;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (step++ === 0) return c.enqueue(enc.encode(range('rv', 1, 100)));
        await gate;
        c.enqueue(enc.encode(range('rv', 101, 200)));
        c.close();
      },
    });
    const upload = post(events, t.token, body);
    const committed = async () =>
      (await pgPool().query(`SELECT count(*)::int AS n FROM events WHERE id LIKE 'rv-%'`)).rows[0]
        .n as number;
    const t0 = Date.now();
    while ((await committed()) === 0) {
      if (Date.now() - t0 > 60_000) throw new Error('no batch was committed');
      await new Promise((r) => setTimeout(r, 50));
    }
    await prisma.$transaction((tx) => revokeIngestToken(tx, noAudit, t.id));
    resume();
    const res = await upload;
    expect(res.status).toBe(401);
    const { message } = (await res.json()).error;
    expect(message).toMatch(/revoked during the upload/);
    const through = Number(/committed through line (\d+)/.exec(message)?.[1]);
    expect(through).toBeGreaterThan(0);
    const ids = new Set(
      (await pgPool().query<{ id: string }>(`SELECT id FROM events WHERE id LIKE 'rv-%'`)).rows.map(
        (r) => r.id,
      ),
    );
    for (let i = 1; i <= through; i++) expect(ids.has(`rv-${i}`)).toBe(true);
    // nothing sent after the revocation landed (before the fix: all 200 lines, and a 200)
    for (let i = 101; i <= 200; i++) expect(ids.has(`rv-${i}`)).toBe(false);
    const run = await pgPool().query(
      `SELECT status FROM ingest_runs WHERE source = $1 ORDER BY id DESC LIMIT 1`,
      [`http:${t.prefix}`],
    );
    expect(run.rows[0].status).toBe('failed');
  });
});
