import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb, snapshot } from './ingest-snapshot';

// Two runs of the same file at once: their direct COPYs collide on the primary key (one waits for
// the other, then fails with unique_violation or a deadlock) and fall back to the staged merge.
// Every event must end up exactly once, with the same rollups as a single run (but the gaps).
const N = 6000;
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dw-conc-')), 'events.ndjson');
let both: Awaited<ReturnType<typeof freshDb>>;
let one: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  await writeNdjson(file, generateFlatEvents({ events: N, accounts: 40, seed: 7 }));
  [both, one] = await Promise.all([freshDb('dw_conc'), freshDb('dw_one')]);
});
afterAll(async () => {
  await both.drop();
  await one.drop();
});

describe('concurrent ingest of the same rows', () => {
  it('inserts every event once and counts the rest as duplicates', async () => {
    const [a, b] = await Promise.all([
      ingestEvents(file, { pool: both.pool, batchSize: 500, lanes: 2 }),
      ingestEvents(file, { pool: both.pool, batchSize: 700, lanes: 2 }),
    ]);
    expect(a.accepted + b.accepted).toBe(N);
    expect(a.duplicates + b.duplicates).toBe(N);
    expect(a.rejected + b.rejected).toBe(0);
    await ingestEvents(file, { pool: one.pool });
    // Inter-arrival gaps are exact only for time-ordered arrival (docs/ingest.md#rollups): two runs
    // interleave their commits, so an account's events arrive out of order and the gap sums differ.
    const noGaps = (s: Awaited<ReturnType<typeof snapshot>>) => ({
      ...s,
      daily: s.daily.map(({ gap_n: _n, gs: _s, gs2: _s2, ...r }) => r),
    });
    expect(noGaps(await snapshot(both.pool))).toEqual(noGaps(await snapshot(one.pool)));
  });
});
