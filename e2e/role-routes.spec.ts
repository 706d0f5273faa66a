import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { test, expect, signInAs } from './fixtures';
import {
  PUBLIC_PAGES,
  PUBLIC_ROUTE_PREFIXES,
  pageFiles,
  urlPath,
  walk,
} from '../tests/route-files';
import { PERMISSIONS, type Permission } from '../lib/auth/permissions';
import { hashPassword } from '../lib/auth/password';
import { ROLE_NAMES, storageFor } from './users';

// Role × route, enumerated from the route files themselves: a new page or API route is checked
// here without being registered anywhere.
// An id that exists nowhere but is well formed, so an allowed role meets the documented 404 and
// not a 400 for its shape: a UUID by default (text ids take it too), digits where a route says so.
const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000e2e0';
const NUMERIC_SEGMENTS: Record<string, string[]> = {
  '/api/v1/cases/[id]/pins/[childId]': ['childId'],
  '/api/v1/cases/[id]/notes/[noteId]': ['noteId'],
  '/api/v1/cases/[id]/clauses/[linkId]': ['linkId'],
  '/api/v1/queues/items/[id]': ['id'],
  '/api/v1/queues/items/[id]/case': ['id'],
};
const concrete = (url: string) =>
  url.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) =>
    NUMERIC_SEGMENTS[url]?.includes(name) ? '999999999999' : UNKNOWN_UUID,
  );
// GET routes that need query parameters get a valid sample here (an unknown account is fine:
// the answer is an empty list). A 400 for an allowed role means a sample is missing.
const SAMPLE_QUERY: Record<string, string> = {
  '/api/v1/annotations': '?account=e2e-missing-id',
  '/api/v1/events': '?account=e2e-missing-id&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
};
/** URLs of pages for ids that exist in the demo data (read as admin, who may see them all). */
async function realIds(page: Page): Promise<Record<string, string>> {
  const ctx = await page
    .context()
    .browser()!
    .newContext({ storageState: storageFor('admin') });
  try {
    const get = async (url: string) => {
      const res = await ctx.request.get(url);
      expect(res.ok(), url).toBe(true);
      return (await res.json()) as Record<string, Array<Record<string, string>>>;
    };
    const account = (await get('/api/v1/accounts?size=25')).rows?.[0]?.account_id;
    const cluster = (await get('/api/v1/clusters?page_size=1')).items?.[0]?.id;
    expect(account && cluster, 'demo data must hold an account and a cluster').toBeTruthy();
    return {
      '/accounts/[id]': `/accounts/${encodeURIComponent(account!)}`,
      '/clusters/[id]': `/clusters/${encodeURIComponent(cluster!)}`,
    };
  } finally {
    await ctx.close();
  }
}
const allowed = (role: string, perm: string) =>
  perm in PERMISSIONS && (PERMISSIONS[perm as Permission] as readonly string[]).includes(role);

const pages = pageFiles().filter((p) => !PUBLIC_PAGES.includes(p.url));
const apis = walk('app', 'route.ts')
  .map((file) => ({ url: urlPath(file), src: readFileSync(file, 'utf8') }))
  .filter((r) => !PUBLIC_ROUTE_PREFIXES.some((p) => r.url.startsWith(p)))
  .flatMap((r) =>
    [
      ...r.src.matchAll(
        /export const (GET|POST|PUT|PATCH|DELETE) = with\w+\(\s*\{[^}]*?permission: '([^']+)'/g,
      ),
    ].map((m) => ({ url: r.url, method: m[1]!, permission: m[2]! })),
  );

test('the inventory found pages and API routes', () => {
  expect(pages.length).toBeGreaterThan(5);
  expect(apis.length).toBeGreaterThan(2);
});

test.describe('a refused page is recorded', () => {
  test('an analyst opening an admin page gets 404 and an access.denied row', async ({
    browser,
  }) => {
    // A fresh analyst: the rows are rate-limited per user, and the demo analyst may already
    // have used this window's allowance in the specs before this one.
    const email = `denied-${Date.now()}@distill.test`;
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, 'Denied Analyst', 'analyst', $3)`,
        [randomUUID(), email, await hashPassword('denied-analyst-pass')],
      );
      const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await ctx.newPage();
      await signInAs(page, email, 'denied-analyst-pass');
      await expect(page.getByTestId('current-role')).toHaveText('analyst');
      const res = await page.goto('/admin/users');
      expect(res?.status()).toBe(404);
      await ctx.close();
      const r = await db.query(
        `SELECT target_type, target_id, after FROM audit_log
         WHERE action = 'access.denied' AND actor_email = $1`,
        [email],
      );
      expect(r.rows).toEqual([
        {
          target_type: 'route',
          target_id: '/admin/users',
          after: {
            method: 'GET',
            path: '/admin/users',
            permission: 'users:manage',
            role: 'analyst',
          },
        },
      ]);
    } finally {
      await db.end();
    }
  });
});

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    test(`${role}: every page answers according to its permission`, async ({ page }) => {
      // A page of an id that exists, per dynamic page the demo data fills: 200 if allowed.
      const real = await realIds(page);
      for (const p of pages.filter((x) => real[x.url])) {
        const res = await page.goto(real[p.url]!);
        const expected = allowed(role, p.permission ?? '') ? 200 : 404;
        expect(res?.status(), `${role} ${real[p.url]}`).toBe(expected);
      }
      for (const p of pages) {
        const res = await page.goto(concrete(p.url));
        const ok = allowed(role, p.permission ?? '');
        // Allowed: 200, or 404 for a page of an id that does not exist. Never a 500.
        const expected = !ok || p.url.includes('[') ? 404 : 200;
        expect(res?.status(), `${role} ${p.url}`).toBe(expected);
      }
    });

    test(`${role}: every API route answers according to its permission`, async ({ page }) => {
      for (const a of apis) {
        const url = concrete(a.url);
        const ok = a.permission !== 'ingest-token' && allowed(role, a.permission);
        if (!ok) {
          const res = await page.request.fetch(url, {
            method: a.method,
            data: a.method === 'GET' ? undefined : '{}',
          });
          expect([401, 403, 404], `${role} ${a.method} ${a.url} (${a.permission})`).toContain(
            res.status(),
          );
        } else if (a.method === 'GET') {
          // Only reads are sent to allowed roles: a write would change data. Allowed means 2xx,
          // or the documented 404 when the URL names an id that does not exist.
          const res = await page.request.get(url + (SAMPLE_QUERY[a.url] ?? ''));
          const what = `${role} GET ${a.url} answered ${res.status()}: ${(await res.text()).slice(0, 200)}`;
          if (a.url.includes('[') && res.status() === 404) continue;
          expect(res.status() >= 200 && res.status() < 300, what).toBe(true);
        }
      }
    });
  });
}
