import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Enumerates the app's route and page files from the file system, so a new route is covered by
// the role × route tests without anyone registering it.
export function walk(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...walk(p, name));
    else if (entry === name) out.push(p);
  }
  return out;
}

/** URL path for an app/ file: route groups dropped, dynamic segments kept as [name]. */
export function urlPath(file: string, appDir = 'app'): string {
  const rel = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${rel.join('/')}`;
}

export function pageFiles(appDir = 'app') {
  return walk(appDir, 'page.tsx').map((file) => {
    const src = readFileSync(file, 'utf8');
    const m = src.match(/requirePage\('([a-z:-]+)'[,)]/);
    return { file, url: urlPath(file, appDir), permission: m?.[1] ?? null };
  });
}

export const PUBLIC_PAGES = ['/login'];
export const PUBLIC_ROUTE_PREFIXES = ['/api/auth'];
