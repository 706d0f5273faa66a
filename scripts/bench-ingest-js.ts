/**
 * Micro-benchmark of the JavaScript side of event ingest (no database):
 * `npm run bench:ingest-js -- [--events N] [--runs R]` (defaults 100,000 and 3).
 * Generates N events (lib/scenario/flat.ts, seed 1) as NDJSON in memory, then times each stage
 * over all lines — split lines from Buffers (a chunk's lines at a time, as feed reads them), JSON.parse + record checks, fastEvent,
 * rowFeatures, toEventRow (validation + features + row), COPY bytes in 500-row slices
 * (one line at a time into a batch arena, as the lanes send them) — and
 * the whole chain line by line as the pipeline runs it (rows kept per 10k batch, then encoded).
 * The best of R runs is printed in µs/event (wall time, one thread), with the load average so a
 * busy machine shows. --expose-gc (set by the npm script) starts each stage on a collected heap.
 * Output equality with the code before the speed-up is pinned by tests/unit/golden.test.ts.
 */
import { loadavg } from 'node:os';
import { rowFeatures } from '@/lib/features';
import { newArena, put, reset } from '@/lib/ingest/arena';
import { putBinaryRow } from '@/lib/ingest/copy-binary';
import { EVENT_WIRE_TYPES } from '@/lib/ingest/sql-events';
import { encodeCopyRow } from '@/lib/ingest/copy-text';

/** What the lanes send for a batch: each row's line written into an arena (lanes.ts). */
function encodeIntoArena(rows: Parameters<typeof encodeCopyRow>[0][]): Buffer {
  const a = newArena();
  for (const r of rows) put(a, encodeCopyRow(r));
  return a.buf.subarray(0, a.len);
}
import { toEventRow, type StageRow } from '@/lib/ingest/event-row';
import { fastEvent } from '@/lib/ingest/fast-event';
import { generateFlatEvents } from '@/lib/scenario/flat';
import { splitLineGroups } from '@/lib/ingest/lines';
import { parseJsonLine } from '@/lib/ingest/record';
import { EVENT_FIELDS, type EventInput } from '@/lib/ingest/schemas';

const IMPL = {
  split: splitLineGroups,
  parse: parseJsonLine,
  fast: fastEvent,
  features: rowFeatures,
  toRow: toEventRow,
  /** COPY bytes of a slice, as the lanes write them */
  encode: encodeIntoArena,
  /** one row's COPY line, for the arena chain */
  row: encodeCopyRow,
};
type Impl = typeof IMPL;

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('events', 100_000);
const RUNS = arg('runs', 3);
const SLICE = 500; // rows per COPY write (lib/ingest/db.ts)
const BATCH = 10_000; // rows per batch (lib/ingest/pipeline.ts default)
const CHUNK = 1 << 16; // bytes per read, as a file stream delivers them

const ndjson = Buffer.from(
  [...generateFlatEvents({ events: N, seed: 1 })].map((e) => JSON.stringify(e) + '\n').join(''),
);
const chunks: Buffer[] = [];
for (let o = 0; o < ndjson.length; o += CHUNK) chunks.push(ndjson.subarray(o, o + CHUNK));
async function* source(): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

let sink = 0;
const gc = (globalThis as { gc?: () => void }).gc; // with --expose-gc: each stage starts from a clean heap
const time = async (fn: () => unknown): Promise<number> => {
  gc?.();
  const t0 = performance.now();
  await fn();
  return ((performance.now() - t0) * 1000) / N; // µs per event
};
const check = <T extends { ok: boolean }>(r: T): T & { ok: true } => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as T & { ok: true };
};
/** COPY bytes of a batch in 500-row writes. */
function encodeBatch(im: Impl, rows: StageRow[]): void {
  for (let i = 0; i < rows.length; i += SLICE) sink += im.encode(rows.slice(i, i + SLICE)).length;
}

/** The pipeline's order: line by line through every step, a batch's rows encoded when it is full. */
async function chain(im: Impl): Promise<void> {
  let rows: StageRow[] = [];
  for await (const group of im.split(source(), 1 << 20))
    for (const l of group) {
      const p = check(im.parse(l.text as string, EVENT_FIELDS));
      rows.push(check(im.toRow(p.rec, p.extra, l.no, false)).row);
      if (rows.length === BATCH) {
        encodeBatch(im, rows);
        rows = [];
      }
    }
  encodeBatch(im, rows);
}

/** The same, but each row's COPY line is written at once into one growing byte arena per batch. */
async function chainArena(im: Impl): Promise<void> {
  let arena = Buffer.allocUnsafeSlow(1 << 24);
  let len = 0;
  let rows = 0;
  for await (const group of im.split(source(), 1 << 20))
    for (const l of group) {
      const p = check(im.parse(l.text as string, EVENT_FIELDS));
      const line = im.row(check(im.toRow(p.rec, p.extra, l.no, false)).row);
      if (len + line.length * 3 > arena.length) {
        const bigger = Buffer.allocUnsafeSlow(arena.length * 2);
        arena.copy(bigger, 0, 0, len);
        arena = bigger;
      }
      len += arena.write(line, len);
      if (++rows === BATCH) {
        sink += len;
        len = rows = 0;
      }
    }
  sink += len;
}

type Stages = Record<string, number>;
async function stages(im: Impl): Promise<Stages> {
  const texts: string[] = [];
  const recs: { rec: Record<string, unknown>; extra: Record<string, unknown> | null }[] = [];
  const events: EventInput[] = [];
  const rows: StageRow[] = [];
  const s: Stages = {};
  s.split = await time(async () => {
    for await (const group of im.split(source(), 1 << 20))
      for (const l of group) texts.push(l.text as string);
  });
  s.parse = await time(() => {
    for (const t of texts) recs.push(check(im.parse(t, EVENT_FIELDS)));
  });
  s.fastEvent = await time(() => {
    for (const r of recs) events.push(im.fast(r.rec) as EventInput);
  });
  s.features = await time(() => {
    for (const e of events) sink += im.features(e).lshBucket;
  });
  s.toEventRow = await time(() => {
    for (let i = 0; i < recs.length; i++)
      rows.push(check(im.toRow(recs[i].rec, recs[i].extra, i + 1, false)).row);
  });
  s.encodeCopy = await time(() => encodeBatch(im, rows));
  // the events body as the lanes write it (columns without line_no, plus the run id): COPY text
  // (before binary COPY) against COPY binary (lanes.ts now), each into a recycled batch arena
  const bodies = rows.map((r) => [...r.slice(1), '42']);
  const arena = newArena(1 << 24);
  s.bodyText = await time(() => {
    for (const b of bodies) {
      put(arena, encodeCopyRow(b));
      if (arena.rows === BATCH) reset(arena);
    }
  });
  reset(arena);
  s.bodyBinary = await time(() => {
    for (const b of bodies) {
      putBinaryRow(arena, b, EVENT_WIRE_TYPES);
      if (arena.rows === BATCH) reset(arena);
    }
  });
  s.total = s.split + s.parse + s.toEventRow + s.encodeCopy;
  s.chain = await time(() => chain(im));
  s.chainArena = await time(() => chainArena(im));
  return s;
}

const kb = (ndjson.length / N / 1024).toFixed(2);
console.log(
  `bench:ingest-js: ${N} events, ${kb} KB/line, best of ${RUNS} runs, µs/event (wall, one thread), ` +
    `loadavg ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
const best: Stages = {};
for (let run = 0; run < RUNS; run++) {
  const s = await stages(IMPL);
  for (const [k, v] of Object.entries(s)) best[k] = Math.min(best[k] ?? Infinity, v);
  console.log(
    `  run ${run + 1}: ${Object.entries(s)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join('  ')}`,
  );
}
const NOTES: Record<string, string> = {
  total: '  split + parse + toEventRow + encodeCopy',
  chain: '  line by line, as the pipeline runs',
  chainArena: '  the same, each row encoded into a batch arena at once',
  bodyText: '  an events body row as COPY text into an arena',
  bodyBinary: '  the same as binary COPY (what the lanes write)',
};
for (const [k, v] of Object.entries(best))
  console.log(`  ${k.padEnd(11)} ${v.toFixed(2).padStart(7)} µs${NOTES[k] ?? ''}`);
if (sink === -1) console.log(sink);
