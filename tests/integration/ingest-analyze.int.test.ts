import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb } from './ingest-snapshot';

// The server of this project's CI runs without autovacuum: only the ingest's own ANALYZE gives
// the planner statistics of what was loaded (lib/ingest/analyze.ts).
const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-analyze-'));
const big = path.join(dir, 'big.ndjson');
const small = path.join(dir, 'small.ndjson');
const accounts = path.join(dir, 'accounts.ndjson');
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  await writeNdjson(big, generateFlatEvents({ events: 2000, accounts: 20, seed: 5 }));
  await writeNdjson(small, generateFlatEvents({ events: 60, accounts: 3, seed: 6 }));
  await writeNdjson(
    accounts,
    Array.from({ length: 80 }, (_, i) => ({ account_id: `acct-${i}`, tier: 'free' })),
  );
  db = await freshDb('dw_ana');
});
afterAll(() => db.drop());

const stats = async () =>
  (
    await db.pool.query<{ relname: string; analyzed: number }>(
      `SELECT relname, analyze_count::int AS analyzed FROM pg_stat_user_tables
       WHERE relname IN ('account_daily', 'account_day_sets', 'account_indicator', 'accounts')
          OR relname LIKE 'events\\_%' ORDER BY relname`,
    )
  ).rows;
/** Columns of the event partitions with statistics. */
const eventColumns = async () =>
  (
    await db.pool.query<{ col: string }>(
      `SELECT DISTINCT attname AS col FROM pg_stats WHERE tablename LIKE 'events\\_%' ORDER BY 1`,
    )
  ).rows.map((r) => r.col);

describe('ANALYZE after an ingest run', () => {
  it('analyzes the tables a large run wrote, and skips it after a run below a tenth', async () => {
    expect(await eventColumns()).toEqual([]);
    const a = await ingestEvents(big, { pool: db.pool, batchSize: 500, lanes: 2 });
    expect(a.accepted).toBe(2000);
    const parts = a.analyzed?.filter((t) => t.startsWith('events_')) ?? [];
    expect(parts.length).toBeGreaterThan(0);
    expect(a.analyzed).toEqual([
      ...parts,
      'account_daily',
      'account_day_sets',
      'account_indicator',
    ]);
    const after = await stats();
    expect(after.filter((r) => r.relname.startsWith('events_')).length).toBeGreaterThan(0);
    // the partitions the run wrote and the rollups, once each; not the empty catch-all partition
    for (const r of after)
      expect(r).toMatchObject({ analyzed: a.analyzed?.includes(r.relname) ? 1 : 0 });
    expect(after.find((r) => r.relname === 'events_default')).toMatchObject({ analyzed: 0 });
    expect(await eventColumns()).toEqual(
      expect.arrayContaining(['account_id', 'ts', 'id', 'run_id', 'simhash']),
    );
    const planned = await db.pool.query<{ reltuples: number }>(
      `SELECT sum(reltuples)::float8 AS reltuples FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
       WHERE i.inhparent = 'events'::regclass`,
    );
    expect(Math.abs(planned.rows[0].reltuples - 2000)).toBeLessThan(20); // an estimate from the sample

    // every lane's row counts reached the statistics views before the ANALYZE, none after it
    const pending = await db.pool.query<{ n: number }>(
      `SELECT sum(n_mod_since_analyze)::int AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`,
      [parts],
    );
    expect(pending.rows[0].n).toBe(0);
    const settled = await stats();
    const b = await ingestEvents(small, { pool: db.pool, batchSize: 500, lanes: 2 });
    expect(b.accepted).toBe(60); // 60 > 50 rows, but not > 50 + 10 % of 2,000
    expect(b.analyzed).toEqual([]);
    expect(await stats()).toEqual(settled);
  });

  it('analyzes accounts and their indicators after an accounts run', async () => {
    const r = await ingestAccounts(accounts, { pool: db.pool });
    expect(r.accepted).toBe(80);
    expect(r.analyzed).toEqual(['accounts', 'account_indicator']);
    expect((await stats()).find((x) => x.relname === 'accounts')).toMatchObject({ analyzed: 1 });
  });
});
