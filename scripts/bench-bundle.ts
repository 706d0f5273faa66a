// npm run bench:bundle [-- --dir .next] [-- --limit 250]: first-load JS per page of the last
// `next build`, gzip -9, and exit 1 when a page is above the limit (issue #15: 250 kB).
// Next 16 no longer prints sizes; its build writes each route's first-load chunks to
// .next/diagnostics/route-bundle-stats.json (the shared runtime, the layouts, their error and
// not-found boundaries, the page). Chunks loaded on demand (next/dynamic: Recharts) are not there.
// (The same list, rebuilt from build-manifest.json rootMainFiles plus each page's
// client-reference-manifest entryJSFiles, gave identical figures on 2026-11-30.)
// Figures: docs/performance.md (Pages, First-load JavaScript).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DIR = arg('dir', '.next');
const LIMIT_KB = Number(arg('limit', '250'));
const STATS = join(DIR, 'diagnostics', 'route-bundle-stats.json');

if (!existsSync(STATS)) {
  console.error(`No ${STATS}: run \`next build\` first.`);
  process.exit(2);
}
type RouteStats = { route: string; firstLoadChunkPaths: string[] };
const routes: RouteStats[] = JSON.parse(readFileSync(STATS, 'utf8'));

const gz = new Map<string, number>();
function gzipBytes(chunk: string): number {
  // Paths are written relative to the project (".next/static/…"); read them under DIR.
  const file = join(DIR, chunk.replace(/^\.next\//, ''));
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gz.get(file)!;
}

const rows = routes
  .map((r) => ({
    page: r.route,
    kb: r.firstLoadChunkPaths.reduce((s, c) => s + gzipBytes(c), 0) / 1024,
  }))
  .sort((a, b) => b.kb - a.kb);
console.log(`first-load JS per page (gzip -9), limit ${LIMIT_KB} kB`);
for (const r of rows)
  console.log(`${r.kb > LIMIT_KB ? '✗' : ' '} ${r.kb.toFixed(1).padStart(7)} kB  ${r.page}`);
const over = rows.filter((r) => r.kb > LIMIT_KB);
if (over.length) {
  console.error(
    `${over.length} page(s) above ${LIMIT_KB} kB: ${over.map((r) => r.page).join(', ')}`,
  );
  process.exit(1);
}
