import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { POST } from '@/app/api/auth/[...nextauth]/route';
import { ZClusterListQuery } from '@/lib/schemas/cluster';

// Defect 8: the sign-in POST had no body limit, and `page` no maximum.
describe('request limits', () => {
  it('answers 413 to a sign-in POST over 16 KiB, before next-auth parses it', async () => {
    const req = new NextRequest('http://localhost/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.c&password=${'x'.repeat(40_000)}`,
    });
    const res = await POST(req, {
      params: Promise.resolve({ nextauth: ['callback', 'credentials'] }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('bounds the clusters page number', () => {
    expect(ZClusterListQuery.safeParse({ page: '100000' }).success).toBe(true);
    const r = ZClusterListQuery.safeParse({ page: '100000000' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['page']);
  });
});
