import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { PUBLIC_PAGES, PUBLIC_ROUTE_PREFIXES, pageFiles, urlPath, walk } from '../route-files';

// Every route handler must come out of withRoute (or the ingest-token wrapper) and so carry a
// permission; every page must call requirePage with a known permission. A new file that skips
// the check fails here.
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const routes = walk('app', 'route.ts').map((file) => ({ file, url: urlPath(file) }));

describe('route inventory', () => {
  it('finds the route and page files', () => {
    expect(routes.length).toBeGreaterThan(2);
    expect(pageFiles().length).toBeGreaterThan(5);
  });

  for (const r of routes) {
    it(`${r.url} handlers carry a permission`, async () => {
      const mod = (await import(path.resolve(r.file))) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => typeof mod[m] === 'function');
      expect(handlers.length).toBeGreaterThan(0);
      if (PUBLIC_ROUTE_PREFIXES.some((p) => r.url.startsWith(p))) return;
      for (const m of handlers) {
        const perm = (mod[m] as { permission?: string }).permission;
        expect(perm, `${m} ${r.url} is not wrapped by withRoute`).toBeDefined();
        expect(
          perm === 'ingest-token' || perm! in PERMISSIONS,
          `${m} ${r.url}: unknown permission ${perm}`,
        ).toBe(true);
      }
    });
  }

  for (const p of pageFiles()) {
    it(`page ${p.url} checks access on the server`, () => {
      if (PUBLIC_PAGES.includes(p.url)) return;
      expect(p.permission, `${p.file} does not call requirePage('…')`).not.toBeNull();
      expect(p.permission! in PERMISSIONS).toBe(true);
    });
  }
});
