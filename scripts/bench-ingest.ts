/**
 * npm run bench:ingest -- --events N [--batch-size B] [--lanes L] [--keep] [--db-prefix P]
 * Generates N realistic events (prompts from ../shared/data), creates a fresh database, then in
 * the same run measures (a) raw COPY of the same rows (pre-encoded, streamed from disk) into an
 * unindexed table and (b) the full ingest path (parse, validate, features, COPY to staging, merge
 * into the partitioned events table and the rollups). Prints both rates, the ratio and peak RSS.
 */
import { env } from '@/lib/env';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ingestEvents } from '@/lib/ingest';
import { DEFAULT_BATCH_SIZE } from '@/lib/ingest/pipeline';
import { encodeCopy } from '@/lib/ingest/copy-text';
import { generateFlatEvents } from '@/lib/scenario/flat';
import { machineCpu, postgresCpu, walStats } from '../bench/stats';
import { sampleOverlap } from './bench-ingest-overlap';
import { EVENT_FIELDS } from '@/lib/ingest/schemas';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('events', 1_000_000);
const batchSize = arg('batch-size', DEFAULT_BATCH_SIZE);
const lanes = arg('lanes', env().INGEST_LANES);
const keep = process.argv.includes('--keep');
// On a shared server each user's databases start with their own name (dw by default).
const prefixAt = process.argv.indexOf('--db-prefix');
const dbPrefix = prefixAt > 0 ? process.argv[prefixAt + 1] : 'dw';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const admin = env().BENCH_ADMIN_URL;

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true })); // also after a failure
const ndjson = path.join(dir, 'events.ndjson');
const copyFile = path.join(dir, 'events.copy');
const cols = Object.keys(EVENT_FIELDS);

let t = Date.now();
{
  const a = createWriteStream(ndjson, { highWaterMark: 1 << 22 });
  const b = createWriteStream(copyFile, { highWaterMark: 1 << 22 });
  let chunkA = '';
  let rows: (string | number | boolean | null)[][] = [];
  for (const e of generateFlatEvents({ events: N, seed: 1 })) {
    chunkA += JSON.stringify(e) + '\n';
    rows.push(cols.map((c) => (e[c] ?? null) as string | number | boolean | null));
    if (rows.length === 5000) {
      const okA = a.write(chunkA);
      const okB = b.write(encodeCopy(rows));
      chunkA = '';
      rows = [];
      // Both listeners before any await: awaiting one drain after the other could miss the second
      // (it fired meanwhile), leaving nothing pending, and Node exits 13 without a word.
      await Promise.all([okA ? null : once(a, 'drain'), okB ? null : once(b, 'drain')]);
    }
  }
  a.end(chunkA);
  b.end(encodeCopy(rows));
  await Promise.all([once(a, 'finish'), once(b, 'finish')]);
}
const mb = statSync(ndjson).size / 2 ** 20;
console.log(
  `generated ${fmt(N)} events (${mb.toFixed(0)} MiB NDJSON) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
);

const dbName = `${dbPrefix}_bench_${Date.now().toString(36)}`;
const url = await createMigratedDatabase(admin, dbName);
const pool = new pg.Pool({ connectionString: url, max: lanes + 2 });
pool.on('error', () => undefined); // the final DROP ... WITH (FORCE) ends idle connections

// (a) raw COPY: the contract columns, no indexes, no keys, no features.
const c = await pool.connect();
// the same TOAST compression as the ingest's sessions (lib/ingest/db.ts), so (a) stays the ceiling
await c.query("SET default_toast_compression = 'lz4'").catch(() => undefined);
await c.query(
  `CREATE TABLE raw_events AS SELECT ${cols.map((x) => `${x}`).join(', ')} FROM events WITH NO DATA`,
);
await c.query('ALTER TABLE raw_events ALTER COLUMN ts TYPE timestamptz(3)');
t = Date.now();
await pipeline(
  createReadStream(copyFile, { highWaterMark: 1 << 20 }),
  c.query(copyFrom(`COPY raw_events (${cols.join(', ')}) FROM STDIN`)),
);
const rawSecs = (Date.now() - t) / 1000;
c.release();
const rawRate = N / rawSecs;
console.log(
  `(a) raw COPY into an unindexed table: ${rawSecs.toFixed(1)} s, ${fmt(rawRate)} rows/s`,
);

// (b) the full ingest path. CPU is counted too: on a small machine the question is whether the
// cores are saturated (and by whom), which wall-clock rates alone do not say.
t = Date.now();
const wal0 = await walStats(pool);
const cpu0 = machineCpu();
const pg0 = postgresCpu(dbName);
const own0 = process.cpuUsage();
const overlap = sampleOverlap(dbName);
const s = await ingestEvents(ndjson, { pool, batchSize, lanes, actor: 'bench' });
const overlapSummary = overlap.stop();
const fullSecs = (Date.now() - t) / 1000;
const cpu1 = machineCpu();
const pg1 = postgresCpu(dbName);
const wal1 = await walStats(pool);
const own = process.cpuUsage(own0);
const fullRate = N / fullSecs;
const rss = process.resourceUsage().maxRSS / 1024;
console.log(
  `(b) full ingest path: ${fullSecs.toFixed(1)} s, ${fmt(fullRate)} rows/s (accepted ${fmt(s.accepted)}, rejected ${fmt(s.rejected)})`,
);
if (s.timings)
  console.log(
    `    time split (ms): JS parse/validate/features ${fmt(s.timings.parse)}, waiting for the database ${fmt(s.timings.wait)}; database: stage ${fmt(s.timings.stage)}, merge ${fmt(s.timings.merge)}, commit ${fmt(s.timings.commit)}; ANALYZE after the run ${fmt(s.analyzeMs ?? 0)} (${s.analyzed?.length ?? 0} tables)`,
  );
if (cpu0 && cpu1) {
  const busy = cpu1.busy - cpu0.busy;
  const node = (own.user + own.system) / 1e6;
  const pgs = pg1 - pg0;
  console.log(
    `    CPU during (b): ${busy.toFixed(1)} core-s busy of ${(fullSecs * os.cpus().length).toFixed(1)} (${os.cpus().length} cores): this node process ${node.toFixed(1)}, Postgres (this database's backends + background writers) ${pgs.toFixed(1)}, anything else ${(busy - node - pgs).toFixed(1)}`,
  );
  console.log(
    `    CPU per event: node ${((node / N) * 1e6).toFixed(1)} µs, Postgres ${((pgs / N) * 1e6).toFixed(1)} µs`,
  );
}
console.log(`    overlap: ${overlapSummary}`);
if (wal0 && wal1)
  console.log(
    `    WAL during (b) (whole server): ${fmt((wal1.bytes - wal0.bytes) / 2 ** 20)} MiB, ${fmt(wal1.fpi - wal0.fpi)} full-page images (${((wal1.bytes - wal0.bytes) / N / 1024).toFixed(2)} KiB per event)`,
  );
console.log(`ratio full / raw COPY: ${((fullRate / rawRate) * 100).toFixed(1)}%   (target ≥ 40%)`);
console.log(`peak RSS: ${rss.toFixed(0)} MB   (target ≤ 500 MB)`);
const sizes = (
  await pool.query(`SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS events,
  (SELECT pg_size_pretty(pg_total_relation_size('raw_events'))) AS raw
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass`)
).rows[0];
console.log(
  `on disk: events ${sizes.events} (with indexes), raw_events ${sizes.raw}; batch size ${fmt(batchSize)} × ${lanes} lanes; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
await pool.end();
if (!keep) await dropDatabase(admin, dbName);
else console.log(`kept database ${dbName}`);
rmSync(dir, { recursive: true, force: true });
