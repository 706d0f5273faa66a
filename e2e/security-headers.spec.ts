import { expect, test } from '@playwright/test';

// Issue #12: no security headers. Every response, the sign-in page first, refuses framing and
// sniffing and keeps the referrer on this host.
test('the sign-in page and the API carry the security headers', async ({ request }) => {
  for (const path of ['/login', '/api/v1/accounts']) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['referrer-policy'], path).toBe('same-origin');
    expect(h['x-content-type-options'], path).toBe('nosniff');
  }
});
