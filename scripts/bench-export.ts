// npm run bench:export -- --events 1000000
// In a scratch database (<BENCH_DB_PREFIX or dw>_bench_export_<time>, dropped at the end) with N events seeded in SQL:
// for N/10 and N events, the evidence export (buildEvidenceBag: natives + redaction + Timesketch +
// manifests + zip + signature) beside `COPY (same rows, same order) TO STDOUT` piped through
// SHA-256 in the same run, and the export's peak RSS. Figures: docs/performance.md (Evidence export).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { env, pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('events') ?? 100_000);
const sizes = [Math.round(N / 10), N];
const ADMIN = env().BENCH_ADMIN_URL;
const DB = `${process.env.BENCH_DB_PREFIX ?? 'dw'}_bench_export_${Date.now().toString(36)}`;
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(t);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

async function baseline(pool: pg.Pool, accounts: string[]) {
  const ev = await import('@/lib/evidence/writers/event-sql');
  const scope = { accountIds: accounts, from: null, to: null, maxRunId: null };
  // The export's own COPY statement, scope in the same transaction-local settings.
  const c = await pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await c.query(ev.SET_SCOPE_SQL, ev.setScopeParams(scope));
    const t = performance.now();
    const h = createHash('sha256');
    let bytes = 0;
    for await (const chunk of c.query(copyTo(`COPY (${ev.COPY_EVENTS_SQL}) TO STDOUT`))) {
      h.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    h.digest();
    const ms = performance.now() - t;
    await c.query('COMMIT');
    return { ms, bytes };
  } finally {
    c.release();
  }
}

async function main() {
  console.log(`bench:export — scratch database ${DB}, sizes ${sizes.join(', ')}`);
  const url = await createMigratedDatabase(ADMIN, DB);
  pointAtDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const out = mkdtempSync(path.join(tmpdir(), 'dw-bench-export-'));
  try {
    const { seedExportEvents } = await import('../bench/export/seed');
    const { buildEvidenceBag } = await import('@/lib/evidence/bag');
    let seeded = 0;
    let accounts: string[] = [];
    for (const n of sizes) {
      const t0 = performance.now();
      await pool.query('TRUNCATE events');
      accounts = await seedExportEvents(pool, n);
      seeded = n;
      console.log(
        `\n${n.toLocaleString('en-US')} events seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      const base = await baseline(pool, accounts);
      global.gc?.();
      const startRss = process.memoryUsage().rss;
      const peak = rssSampler();
      const t1 = performance.now();
      const phases: [string, number][] = [];
      const r = await buildEvidenceBag(
        {
          pool,
          scope: { caseId: 'bench', title: 'bench', accountIds: accounts, clusterIds: [] },
          outPath: path.join(out, `bench-${n}.zip`),
          timestamp: false,
        },
        {
          onProgress: (p) => {
            if (phases.at(-1)?.[0] !== p.phase) phases.push([p.phase, performance.now()]);
          },
        },
      );
      const ms = performance.now() - t1;
      const rss = peak();
      const rate = (x: number) => Math.round((n / x) * 1000).toLocaleString('en-US');
      console.log(
        `  COPY TO + sha256: ${(base.ms / 1000).toFixed(1)} s, ${rate(base.ms)} events/s, ${mb(base.bytes)} MB of COPY text`,
      );
      console.log(
        `  export:           ${(ms / 1000).toFixed(1)} s, ${rate(ms)} events/s, zip ${mb(r.bytes)} MB, ${r.payloadFiles} payload files, ${r.redactions} redactions`,
      );
      const split = phases.map(
        ([ph, t], i) => `${ph} ${(((phases[i + 1]?.[1] ?? t1 + ms) - t) / 1000).toFixed(1)}s`,
      );
      console.log(`  export phases: ${split.join(', ')}`);
      // The process RSS before the export (tsx, modules, what the seeding and the baseline left
      // behind) beside the peak: growth with the export's size shows as a growing difference.
      console.log(`  peak RSS during export: ${mb(rss)} MB (${mb(startRss)} MB at its start)`);
      console.log(`  ratio export / (COPY TO + sha256): ${((100 * base.ms) / ms).toFixed(1)}%`);
      console.log(
        `  loadavg: ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}`,
      );
      rmSync(r.path, { force: true });
    }
    void seeded;
  } finally {
    await pool.end();
    const { closeDb } = await import('@/lib/db/client');
    await closeDb();
    rmSync(out, { recursive: true, force: true });
    await dropDatabase(ADMIN, DB);
    console.log(`\ndropped ${DB}`);
  }
}

await main();
