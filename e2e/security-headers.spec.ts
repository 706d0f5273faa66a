import { test, expect } from './fixtures';

// Issue #12: security headers. Every response refuses framing and sniffing and keeps the
// referrer on this host; pages carry a Content-Security-Policy whose scripts need this response's
// nonce, and the app's pages (charts included) run under it without a single violation.
const directive = (csp: string, name: string) =>
  csp.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? '';

test.describe('headers', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in page and the API carry the security headers', async ({ request }) => {
    for (const path of ['/login', '/api/v1/accounts']) {
      const res = await request.get(path, { maxRedirects: 0 });
      const h = res.headers();
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['referrer-policy'], path).toBe('same-origin');
      expect(h['x-content-type-options'], path).toBe('nosniff');
      // Plain HTTP here: no HSTS (it is sent when the request came over TLS).
      expect(h['strict-transport-security'], path).toBeUndefined();
    }
  });

  test("/login: scripts run only with this response's nonce, a new one each time", async ({
    request,
  }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await request.get('/login');
      const csp = res.headers()['content-security-policy']!;
      const script = directive(csp, 'script-src');
      expect(script).not.toContain('unsafe-inline');
      expect(script).not.toContain('unsafe-eval');
      const nonce = script.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const html = await res.text();
      const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

test.describe('pages under the policy', () => {
  test.use({ role: 'admin' });

  test('overview, account and cluster pages (with charts) log no CSP violation', async ({
    page,
    consoleErrors,
  }) => {
    const accounts = await (await page.request.get('/api/v1/accounts?size=1')).json();
    const clusters = await (await page.request.get('/api/v1/clusters?page_size=1')).json();
    const account = accounts.rows[0].account_id as string;
    const cluster = clusters.items[0].id as string;
    for (const url of [
      '/',
      '/accounts',
      `/accounts/${encodeURIComponent(account)}`,
      `/clusters/${encodeURIComponent(cluster)}`,
      '/admin/users',
    ]) {
      const res = await page.goto(url);
      expect(res?.headers()['content-security-policy'], url).toContain("'strict-dynamic'");
      await page.waitForLoadState('networkidle');
      // Next's inline bootstrap ran (it needs the nonce).
      expect(await page.evaluate(() => Array.isArray(Reflect.get(self, '__next_f'))), url).toBe(
        true,
      );
      // Recharts draws only in the browser, after hydration: the scripts ran under the policy.
      if (url.startsWith('/accounts/'))
        await expect(page.locator('.recharts-surface').first()).toBeVisible();
    }
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
