import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/api/errors';
import { IngestInputError } from '@/lib/ingest/types';
import { prisma, closeDb } from '@/lib/db/client';
import { ingestHttp } from '@/lib/ingest/http';
import { createIngestToken, revokeIngestToken, verifyIngestToken } from '@/lib/ingest/tokens';

// The HTTP handler logic through its library functions (the routes are thin wrappers; e2e covers them).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(async () => {
  await pool.end();
  await closeDb();
});

const noAudit = async () => undefined;
const body = (b: Buffer | string) =>
  new Response(typeof b === 'string' ? b : new Uint8Array(b)).body;
const line = (i: number) =>
  JSON.stringify({
    id: `http-${i}`,
    ts: '2026-10-05T08:00:00Z',
    account_id: 'acct-http',
    model: 'm',
    prompt: `hello number ${i} there`,
  });

describe('HTTP ingest', () => {
  it('authenticates tokens by hash, stops honouring revoked ones', async () => {
    const t = await prisma.$transaction((tx) =>
      createIngestToken(
        tx,
        noAudit,
        { name: 'collector', scopes: ['events', 'accounts'], expiresAt: null },
        'admin-1',
      ),
    );
    expect(t.token).toMatch(/^dwi_/);
    const stored = await pool.query('SELECT token_hash, prefix FROM ingest_tokens WHERE id = $1', [
      t.id,
    ]);
    expect(stored.rows[0].token_hash).not.toContain(t.token);
    expect(stored.rows[0].prefix).toBe(t.token.slice(0, 12));
    expect(await verifyIngestToken(pool, `Bearer ${t.token}`)).toMatchObject({
      id: t.id,
      name: 'collector',
    });
    expect(await verifyIngestToken(pool, `Bearer ${t.token}x`)).toBeNull();
    expect(await verifyIngestToken(pool, null)).toBeNull();
    await prisma.$transaction((tx) => revokeIngestToken(tx, noAudit, t.id));
    expect(await verifyIngestToken(pool, `Bearer ${t.token}`)).toBeNull();
  });

  it('streams a gzip NDJSON body through the ingest and reports per line', async () => {
    const token = { id: 't1', name: 'collector', prefix: 'dwi_abcdefgh' };
    const text = [line(1), line(2), '{"id": 3', line(4)].join('\n');
    const headers = new Headers({
      'content-encoding': 'gzip',
      'content-type': 'application/x-ndjson',
    });
    const s = await ingestHttp({
      kind: 'events',
      body: body(gzipSync(text)),
      headers,
      token,
      pool,
      requestId: 'req-1',
    });
    expect(s).toMatchObject({
      ok: false,
      lines: 4,
      accepted: 3,
      rejected: 1,
      errors: [expect.objectContaining({ line: 3 })],
    });
    const audit = await pool.query(
      `SELECT actor_id, request_id FROM audit_log WHERE action = 'ingest.run' AND target_id = $1`,
      [s.runId],
    );
    expect(audit.rows[0]).toEqual({ actor_id: 'ingest-token:t1', request_id: 'req-1' });
  });

  it('answers clear errors for too large bodies and lines', async () => {
    const token = { id: 't1', name: 'c', prefix: 'dwi_abcdefgh' };
    const big = Array.from({ length: 50 }, (_, i) => line(100 + i)).join('\n');
    const call = (
      b: string,
      headers: Headers,
      limits: { maxBodyBytes?: number; maxLineBytes?: number },
    ) =>
      ingestHttp({ kind: 'events', body: body(b), headers, token, pool, requestId: 'r', limits });
    await expect(
      call(big, new Headers({ 'content-length': String(big.length) }), { maxBodyBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'too_large' });
    const streamed = call(big, new Headers(), { maxBodyBytes: 1000 });
    await expect(streamed).rejects.toBeInstanceOf(IngestInputError);
    const res = toErrorResponse(await streamed.catch((e: unknown) => e), 'r');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    const s = await call(
      `${line(200)}\n${line(201).replace('hello', 'x'.repeat(500))}`,
      new Headers(),
      { maxLineBytes: 300 },
    );
    expect(s.errors).toEqual([{ line: 2, reason: expect.stringMatching(/longer than 300 bytes/) }]);
    await expect(call('garbage,not,json\n', new Headers(), {})).resolves.toMatchObject({
      rejected: 1,
    });
  });
});
