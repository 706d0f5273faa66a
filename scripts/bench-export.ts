// npm run bench:export -- --events 1000000
// In a scratch database (<BENCH_DB_PREFIX or dw>_bench_export_<time>, dropped at the end) with N events seeded in SQL:
// for N/10 and N events, the evidence export (buildEvidenceBag: natives + redaction + Timesketch +
// manifests + zip + signature) beside `COPY (same rows, same order) TO STDOUT` piped through
// SHA-256 in the same run, and the export's peak RSS; then the lower bound (bench/export/bound.ts):
// the spec's irreducible work on the same rows, as CPU per item and as a ratio of the same
// baseline. Figures: docs/performance.md (Evidence export).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance as perfHooks } from 'node:perf_hooks';
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
/** Deflate level of the bag's streamed files (the product's default is 1); 0 stores them. */
const LEVEL = Number(arg('level') ?? 1);
const sizes = [Math.round(N / 10), N];
const ADMIN = env().BENCH_ADMIN_URL;
const DB = `${process.env.BENCH_DB_PREFIX ?? 'dw'}_bench_export_${Date.now().toString(36)}`;
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

function rssSampler() {
  let peak = process.memoryUsage().rss;
  // memoryUsage.rss() only: memoryUsage() walks the heap spaces (0.5 s of a 100k profile).
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  return () => {
    clearInterval(t);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

/** CPU seconds (user + system) the database's backends used so far, from /proc (same host). */
async function backendCpu(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14, 15)
    } catch {
      // not on this host, or gone
    }
  }
  return ticks / 100;
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
  console.log(
    `bench:export — scratch database ${DB}, sizes ${sizes.join(', ')}, deflate level ${LEVEL}`,
  );
  const url = await createMigratedDatabase(ADMIN, DB);
  pointAtDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 0 });
  const out = mkdtempSync(path.join(tmpdir(), 'dw-bench-export-'));
  try {
    const { seedExportEvents } = await import('../bench/export/seed');
    const { buildEvidenceBag } = await import('@/lib/evidence/bag');
    const { measureBound, lowerBound } = await import('../bench/export/bound');
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
      const bpg0 = await backendCpu(pool);
      const bcpu0 = process.cpuUsage();
      const base = await baseline(pool, accounts);
      const bcpu = process.cpuUsage(bcpu0);
      const basePg = (await backendCpu(pool)) - bpg0;
      global.gc?.();
      const startRss = process.memoryUsage().rss;
      const peak = rssSampler();
      const pg0 = await backendCpu(pool);
      const cpu0 = process.cpuUsage();
      const elu0 = perfHooks.eventLoopUtilization();
      const t1 = performance.now();
      const phases: [string, number][] = [];
      const r = await buildEvidenceBag(
        {
          pool,
          scope: { caseId: 'bench', title: 'bench', accountIds: accounts, clusterIds: [] },
          outPath: path.join(out, `bench-${n}.zip`),
          timestamp: false,
          compressionLevel: LEVEL,
        },
        {
          onProgress: (p) => {
            if (phases.at(-1)?.[0] !== p.phase) phases.push([p.phase, performance.now()]);
          },
        },
      );
      const ms = performance.now() - t1;
      const cpu = process.cpuUsage(cpu0);
      const mainCpu = perfHooks.eventLoopUtilization(elu0).active / 1000;
      const nodeCpu = (cpu.user + cpu.system) / 1e6;
      const pgCpu = (await backendCpu(pool)) - pg0;
      const rss = peak();
      const rate = (x: number) => Math.round((n / x) * 1000).toLocaleString('en-US');
      console.log(
        `  COPY TO + sha256: ${(base.ms / 1000).toFixed(1)} s, ${rate(base.ms)} events/s, ${mb(base.bytes)} MB of COPY text; CPU node ${((bcpu.user + bcpu.system) / 1e6).toFixed(1)} s, postgres ${basePg.toFixed(1)} s`,
      );
      console.log(
        `  export:           ${(ms / 1000).toFixed(1)} s, ${rate(ms)} events/s, zip ${mb(r.bytes)} MB, ${r.payloadFiles} payload files, ${r.redactions} redactions`,
      );
      const split = phases.map(
        ([ph, t], i) => `${ph} ${(((phases[i + 1]?.[1] ?? t1 + ms) - t) / 1000).toFixed(1)}s`,
      );
      // Load-robust beside the wall times: what the export cost in CPU (all of node's threads,
      // and the Postgres backends of the scratch database).
      console.log(
        `  export CPU: node ${nodeCpu.toFixed(1)} s (${((nodeCpu / n) * 1e6).toFixed(0)} µs/event; main thread busy ${mainCpu.toFixed(1)} s), postgres ${pgCpu.toFixed(1)} s`,
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
      // The lower bound (bench/export/bound.ts): the spec's irreducible work on the same rows.
      global.gc?.();
      const b = await measureBound(pool, accounts, () => backendCpu(pool));
      const s = (x: number) => `${x.toFixed(1)} s`;
      const [withDeflate, stored] = [lowerBound(b, true), lowerBound(b, false)];
      const pct = (x: number) => `${((100 * base.ms) / 1000 / x).toFixed(1)}%`;
      console.log(
        `  bound CPU: COPY read ${s(b.read)} + postgres ${s(b.postgres)}, lines ${s(b.lines)}, sha256 ${s(b.sha256)}, sha512 ${s(b.sha512)}, crc32 ${s(b.crc32)}, deflate-1 ${s(b.deflate)}; ${b.bytes} bytes in ${b.files} files (export's Payload-Oxum ${r.payloadOxum})`,
      );
      console.log(
        `  lower bound on 2 cores: ${s(withDeflate)} with deflate (ratio ${pct(withDeflate)}), ${s(stored)} stored (ratio ${pct(stored)}); the same work in one thread: ${s(b.wall)} (ratio ${pct(b.wall)}); export ${s(ms / 1000)} = ${((ms / 1000 / withDeflate) * 1).toFixed(1)}× the bound`,
      );
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
