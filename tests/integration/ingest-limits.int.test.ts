import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/api/errors';
import { ingestEvents } from '@/lib/ingest';
import { httpLimits, ingestHttp } from '@/lib/ingest/http';

// Issue #12, defect 4: the body limit counted compressed bytes and gunzip's output was unlimited
// (a few MB of gzip expand to gigabytes); batches flushed by row count only; a corrupt gzip
// answered 500; the HTTP line limit was 1 MiB.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
afterAll(() => pool.end());

const token = { id: 'tg', name: 'gz', prefix: 'dwi_gzgzgzgz' };
const body = (b: Buffer | string) =>
  new Response(typeof b === 'string' ? b : new Uint8Array(b)).body;
const line = (i: number) =>
  JSON.stringify({
    id: `gz-${i}`,
    ts: '2026-10-06T08:00:00Z',
    account_id: `acct-gz-${i % 3}`,
    model: 'm',
    prompt: `a prompt of line ${i}`,
  });
const call = (
  b: Buffer | string,
  limits = {},
  headers: Record<string, string> = { 'content-encoding': 'gzip' },
) =>
  ingestHttp({
    kind: 'events',
    body: body(b),
    headers: new Headers(headers),
    token,
    pool,
    requestId: 'gz',
    limits,
  });
const statusOf = async (p: Promise<unknown>) => {
  const res = toErrorResponse(
    await p.then(
      () => null,
      (e: unknown) => e,
    ),
    'gz',
  );
  return { status: res.status, error: (await res.json()).error };
};

describe('gzip bodies', () => {
  it('refuses a gzip bomb by its decompressed size with 413, before expanding it all', async () => {
    // 24 MiB of one repeated byte: ~24 kB of gzip, a ratio near 1,000
    const bomb = gzipSync(Buffer.alloc(24 << 20, 0x20));
    const r = await statusOf(call(bomb, { maxDecompressedBytes: 8 << 20, maxGzipRatio: 10_000 }));
    expect(r.status).toBe(413);
    expect(r.error.code).toBe('payload_too_large');
    expect(r.error.message).toMatch(/decompress/);
    expect(r.error.message).toMatch(/8388608 bytes/);
  });

  it('refuses a body whose compression ratio is beyond the limit with 413', async () => {
    const bomb = gzipSync(Buffer.alloc(16 << 20, 0x20));
    const r = await statusOf(call(bomb, { maxDecompressedBytes: 1 << 30, maxGzipRatio: 100 }));
    expect(r.status).toBe(413);
    expect(r.error.message).toMatch(/ratio/);
  });

  it('takes an ordinary gzip body under the default limits', async () => {
    const text = Array.from({ length: 300 }, (_, i) => line(i)).join('\n');
    await expect(call(gzipSync(text))).resolves.toMatchObject({ lines: 300, accepted: 300 });
  });

  it('answers 400 for a corrupt gzip, at its start or in its middle', async () => {
    const good = gzipSync(Array.from({ length: 5000 }, (_, i) => line(1000 + i)).join('\n'));
    const badHeader = Buffer.from(good);
    badHeader[3] = 0xff; // reserved flag bits set
    const r1 = await statusOf(call(badHeader));
    expect(r1.status).toBe(400);
    expect(r1.error.message).toMatch(/gzip/);
    const badMiddle = Buffer.from(good);
    for (let i = 200; i < 260; i++) badMiddle[i] ^= 0x5a;
    const r2 = await statusOf(call(badMiddle));
    expect(r2.status).toBe(400);
    const truncated = good.subarray(0, good.length - 40);
    const r3 = await statusOf(call(truncated));
    expect(r3.status).toBe(400);
  });
});

describe('batches and lines', () => {
  it('sends a batch when its lines pass the byte limit, not only the row count', async () => {
    const text = Array.from({ length: 200 }, (_, i) => line(10_000 + i)).join('\n');
    const s = await ingestEvents(Readable.from([Buffer.from(text)]), {
      pool,
      lanes: 1,
      batchSize: 100_000,
      batchBytes: 4_000,
    });
    expect(s.accepted).toBe(200);
    // ~100 bytes a line: a batch of 4,000 bytes holds ~40 lines
    expect(s.batches.direct + s.batches.staged).toBeGreaterThanOrEqual(4);
  });

  it('keeps HTTP lines to 256 KiB by default', async () => {
    expect(httpLimits().maxLineBytes).toBe(256 * 1024);
    const long = line(20_000).replace('a prompt', 'p'.repeat(300_000));
    const s = await call(`${line(20_001)}\n${long}\n`, {}, {});
    expect(s.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/longer than 262144 bytes/) },
    ]);
  });
});
