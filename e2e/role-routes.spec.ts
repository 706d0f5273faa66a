import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import {
  PUBLIC_PAGES,
  PUBLIC_ROUTE_PREFIXES,
  pageFiles,
  urlPath,
  walk,
} from '../tests/route-files';
import { PERMISSIONS, type Permission } from '../lib/auth/permissions';
import { ROLE_NAMES, storageFor } from './users';

// Role × route, enumerated from the route files themselves: a new page or API route is checked
// here without being registered anywhere.
const concrete = (url: string) => url.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, 'e2e-missing-id');
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

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    test(`${role}: every page answers according to its permission`, async ({ page }) => {
      for (const p of pages) {
        const res = await page.goto(concrete(p.url));
        const ok = allowed(role, p.permission ?? '');
        if (!ok) expect(res?.status(), `${role} ${p.url}`).toBe(404);
        else if (!p.url.includes('[')) expect(res?.status(), `${role} ${p.url}`).toBe(200);
        else expect(res?.status(), `${role} ${p.url}`).not.toBe(403);
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
          // Only reads are sent to allowed roles: a write would change data.
          const res = await page.request.get(url);
          expect([401, 403], `${role} GET ${a.url}`).not.toContain(res.status());
        }
      }
    });
  });
}
