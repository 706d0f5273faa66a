import { describe, expect, it } from 'vitest';
import { readJsonBody, readBodyText } from './body';
import { ApiError } from './errors';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

function streamOf(chunks: number, size: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent++ >= chunks) return c.close();
      c.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

async function status(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  return e instanceof ApiError ? e.status : e;
}

describe('JSON body limit (defect 8)', () => {
  it('refuses a declared Content-Length over the limit with 413, before reading', async () => {
    expect(await status(readJsonBody(post('{}', { 'content-length': '5000000' }), 1000))).toBe(413);
  });

  it('refuses a streamed body (no length) once it passes the limit', async () => {
    expect(await status(readBodyText(post(streamOf(100, 64 * 1024)), 1024 * 1024))).toBe(413);
  });

  it('accepts a body at the limit, and says so when it is not JSON', async () => {
    expect(await readJsonBody(post('{"a":1}'), 7)).toEqual({ a: 1 });
    expect(await status(readJsonBody(post('{"a":'), 100))).toBe(400);
    expect(await status(readJsonBody(post(''), 100))).toBe(400);
  });
});
