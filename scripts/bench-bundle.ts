// npm run bench:bundle [-- --dir .next] [-- --limit 250]: first-load JS per page of the last
// `next build`, gzipped, read from the build's own manifests. A page's first load is the runtime
// every page shares (build-manifest.json rootMainFiles) plus every chunk its client-reference
// manifest lists for its segments (root and group layouts, their error and not-found boundaries,
// the page). Chunks loaded later on demand (next/dynamic, e.g. Recharts) are not in those lists.
// Exits 1 when a page is above the limit (issue #15: 250 kB). See docs/performance.md (Bundle).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DIR = arg('dir', '.next');
const LIMIT_KB = Number(arg('limit', '250'));

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'api' ? [] : manifests(p);
    return name === 'page_client-reference-manifest.js' ? [p] : [];
  });
}

const gz = new Map<string, number>();
function gzipBytes(file: string): number {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(DIR, file))).length);
  return gz.get(file)!;
}

type RscManifest = { entryJSFiles: Record<string, string[]> };
function entryFiles(manifest: string): string[] {
  const g = globalThis as { __RSC_MANIFEST?: Record<string, RscManifest> };
  g.__RSC_MANIFEST = {};
  createRequire(import.meta.url)(resolve(manifest));
  return Object.values(g.__RSC_MANIFEST).flatMap((m) => Object.values(m.entryJSFiles).flat());
}

if (!existsSync(join(DIR, 'build-manifest.json'))) {
  console.error(`No build in ${DIR}: run \`next build\` first.`);
  process.exit(2);
}
const shared: string[] = JSON.parse(readFileSync(join(DIR, 'build-manifest.json'), 'utf8'))
  .rootMainFiles;
const sharedKb = shared.reduce((s, f) => s + gzipBytes(f), 0) / 1024;
const rows = manifests(join(DIR, 'server', 'app'))
  .map((m) => {
    const route = relative(join(DIR, 'server', 'app'), m).split(sep).slice(0, -1).join('/');
    const files = new Set([...shared, ...entryFiles(m)]);
    const kb = [...files].reduce((s, f) => s + gzipBytes(f), 0) / 1024;
    return { page: '/' + route.replace(/\(app\)\/?/, ''), kb };
  })
  .sort((a, b) => b.kb - a.kb);

console.log(`first-load JS (gzip), limit ${LIMIT_KB} kB; shared by all: ${sharedKb.toFixed(1)} kB`);
for (const r of rows)
  console.log(`${r.kb > LIMIT_KB ? '✗' : ' '} ${r.kb.toFixed(1).padStart(7)} kB  ${r.page}`);
const over = rows.filter((r) => r.kb > LIMIT_KB);
if (over.length) {
  console.error(`${over.length} page(s) above ${LIMIT_KB} kB`);
  process.exit(1);
}
