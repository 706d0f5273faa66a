import { createHash, type Hash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type pg from 'pg';
import { batesNumber } from '@/lib/evidence/writers/native-line';
import { nativeRows } from '@/lib/evidence/writers/native-source';

// The lower bound of bench:export: the work the spec makes irreducible, measured on the real
// writers' bytes in one thread with nothing else in the way. The export's own COPY (binary) is
// read and every row goes through the export's own row code (native-source.ts: the byte path,
// and the JavaScript redaction path where a row needs it) into 256 KiB blocks, one run per native
// file (same Bates numbers and file cuts as the export) and one for Timesketch. Every block then
// gets SHA-256, SHA-512 (both BagIt manifests), CRC-32 (the zip) and deflate level 1, each timed
// on its own (process CPU: this thread plus V8's GC helpers). Left out as small: the redaction
// log, the small bag files, the unredacted SHA-256 of files with redactions (from the first
// redaction on), and the zip's own framing.

const BLOCK = 256 * 1024;
const PER_FILE = 10_000;
const PREFIX = 'PROD';
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export interface BoundCosts {
  /** CPU seconds: the COPY read and parse (node), lines, each hash, CRC-32, deflate level 1. */
  read: number;
  lines: number;
  sha256: number;
  sha512: number;
  crc32: number;
  deflate: number;
  /** CPU seconds of the Postgres backends during the pass (the COPY). */
  postgres: number;
  /** Wall seconds of the whole pass: one thread doing all of it in series. */
  wall: number;
  bytes: number;
  files: number;
}

interface Run {
  h256: Hash;
  h512: Hash;
  crc: number;
  block: Buffer;
  used: number;
}
const newRun = (): Run => ({
  h256: createHash('sha256'),
  h512: createHash('sha512'),
  crc: 0,
  block: Buffer.allocUnsafe(BLOCK),
  used: 0,
});

export async function measureBound(
  pool: pg.Pool,
  accountIds: string[],
  postgresCpu: () => Promise<number>,
): Promise<BoundCosts> {
  const c = { read: 0, lines: 0, sha256: 0, sha512: 0, crc32: 0, deflate: 0 };
  const ready: [Run, Buffer, boolean][] = [];
  const put = (r: Run, b: string | Buffer) => {
    const n = typeof b === 'string' ? Buffer.byteLength(b) : b.length;
    if (r.used + n > BLOCK) {
      ready.push([r, r.block.subarray(0, r.used), false]);
      r.block = Buffer.allocUnsafe(Math.max(BLOCK, n));
      r.used = 0;
    }
    r.used += typeof b === 'string' ? r.block.write(b, r.used) : b.copy(r.block, r.used);
  };
  const close = (r: Run) => ready.push([r, r.block.subarray(0, r.used), true]);
  const drain = () => {
    for (const [r, b, last] of ready.splice(0)) {
      let t = cpu();
      r.h256.update(b);
      if (last) r.h256.digest();
      c.sha256 += cpu() - t;
      t = cpu();
      r.h512.update(b);
      if (last) r.h512.digest();
      c.sha512 += cpu() - t;
      t = cpu();
      r.crc = crc32(b, r.crc);
      c.crc32 += cpu() - t;
      t = cpu();
      deflateRawSync(b, { level: 1 });
      c.deflate += cpu() - t;
      bytes += b.length;
    }
  };

  let bytes = 0;
  let files = 0;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const pg0 = await postgresCpu();
    const t0 = performance.now();
    const cpu0 = cpu();
    const scope = { accountIds, from: null, to: null, maxRunId: null };
    const src = nativeRows({ client, scope, fields: 'full', redact: true });
    const timesketch = newRun();
    let file: Run | undefined;
    let account = '';
    let path = '';
    let inFile = 0;
    let events = 0;
    for (;;) {
      const next = await src.batches.next();
      if (next.done) break;
      const t = cpu();
      for (const row of next.value) {
        if (!file || row.account !== account || inFile === PER_FILE) {
          if (file) close(file);
          file = newRun();
          files++;
          account = row.account;
          path = `data/natives/${batesNumber(PREFIX, events + 1)}.jsonl`;
          inFile = 0;
        }
        const l = row.lines(batesNumber(PREFIX, ++events), path);
        put(file, l.native);
        put(timesketch, l.timesketch);
        inFile++;
      }
      c.lines += cpu() - t;
      drain();
    }
    if (file) close(file);
    close(timesketch);
    drain();
    await src.close();
    const wall = (performance.now() - t0) / 1000;
    c.read = cpu() - cpu0 - c.lines - c.sha256 - c.sha512 - c.crc32 - c.deflate;
    const postgres = (await postgresCpu()) - pg0;
    await client.query('COMMIT');
    return { ...c, postgres, wall, bytes, files: files + 1 };
  } finally {
    client.release();
  }
}

/** Seconds: no schedule on `cores` cores beats max(Postgres's one backend, all CPU / cores). */
export function lowerBound(b: BoundCosts, deflate: boolean, cores = 2): number {
  const node = b.read + b.lines + b.sha256 + b.sha512 + b.crc32 + (deflate ? b.deflate : 0);
  return Math.max(b.postgres, (node + b.postgres) / cores);
}
