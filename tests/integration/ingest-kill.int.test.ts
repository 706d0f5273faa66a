import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { sweepStaleRuns } from '@/lib/ingest/run-life';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb, snapshot } from './ingest-snapshot';

const N = 30_000;
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dw-kill-')), 'events.ndjson');
let killed: Awaited<ReturnType<typeof freshDb>>;
let clean: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  await writeNdjson(file, generateFlatEvents({ events: N, accounts: 200, seed: 99 }));
  [killed, clean] = await Promise.all([freshDb('dw_kill'), freshDb('dw_clean')]);
});
afterAll(async () => {
  await killed.drop();
  await clean.drop();
});

// The CLI in its own process group, so SIGKILL reaches npx, tsx and the node process doing the work.
// One lane, so "the first committed batch" is exactly BATCH rows.
const BATCH = 1000;
function cli(url: string) {
  return spawn(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'scripts/ingest.ts',
      'events',
      file,
      `--batch-size=${BATCH}`,
    ],
    {
      env: { ...process.env, DATABASE_URL: url, INGEST_LANES: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
const auditActions = async (db: typeof killed, runId: string) =>
  (
    await db.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'ingest_run' AND target_id = $1 ORDER BY id`,
      [runId],
    )
  ).rows.map((r) => r.action);
const count = async (db: typeof killed) =>
  (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;

// The kill happens at a known point, not after a sleep: a statement trigger (this test's database
// only) makes every batch after the first wait, inside its transaction, for an advisory lock the
// test holds. The test kills the CLI once the first batch is committed and the second is parked.
const PARK_LOCK = 4242;
const PARK_SQL = `
  CREATE FUNCTION dw_test_park() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF (SELECT count(*) FROM events) > ${BATCH} THEN PERFORM pg_advisory_xact_lock(${PARK_LOCK}); END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER dw_test_park AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION dw_test_park();`;
const UNPARK_SQL = 'DROP TRIGGER dw_test_park ON events; DROP FUNCTION dw_test_park();';
const parkedPids = async (db: typeof killed) =>
  (
    await db.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [PARK_LOCK],
    )
  ).rows.map((r) => r.pid);

describe('loss-free ingest', () => {
  it('SIGKILL mid-file then a rerun ends with exactly the accepted set and the same rollups', async () => {
    await killed.pool.query(PARK_SQL);
    const holder = await killed.pool.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [PARK_LOCK]);
    const child = cli(killed.url);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const t0 = Date.now();
    // Polls for a state (first batch committed, second waiting), so the machine's speed does not matter.
    while ((await count(killed)) < BATCH || (await parkedPids(killed)).length === 0) {
      if (Date.now() - t0 > 120_000) throw new Error('ingest never reached its second batch');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Defect 6: the run is audited from its start, and a live run is never swept.
    const [{ id: runId }] = (
      await killed.pool.query<{ id: string }>(`SELECT id::text AS id FROM ingest_runs`)
    ).rows;
    expect(await auditActions(killed, runId)).toEqual(['ingest.start']);
    expect(await sweepStaleRuns(killed.pool)).toEqual([]);
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    // The parked backend would otherwise finish its statement once the lock is free (it cannot
    // commit: its client is gone). End it, then lift the trap for the rerun.
    for (const pid of await parkedPids(killed))
      await killed.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await holder.query('SELECT pg_advisory_unlock($1)', [PARK_LOCK]);
    holder.release();
    await killed.pool.query(UNPARK_SQL);
    const partial = await count(killed);
    expect(partial).toBe(BATCH); // exactly the first batch: each commits atomically, none after
    // The start-up sweep closes the dead run, with an audit row for what it committed.
    // The killed process's backends end when Postgres sees their sockets close, which under load
    // can come a moment after the kill: until then the run's liveness lock is still held.
    let swept: string[] = [];
    for (const t0 = Date.now(); swept.length === 0 && Date.now() - t0 < 30_000;) {
      swept = await sweepStaleRuns(killed.pool);
      if (swept.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(swept).toEqual([runId]);
    expect(await sweepStaleRuns(killed.pool)).toEqual([]);
    expect(await auditActions(killed, runId)).toEqual(['ingest.start', 'ingest.abort']);
    const abort = await killed.pool.query(
      `SELECT after, reason FROM audit_log WHERE action = 'ingest.abort' AND target_id = $1`,
      [runId],
    );
    expect(abort.rows[0].after).toMatchObject({ runId, lines: BATCH, accepted: BATCH });
    expect(abort.rows[0].reason).toMatch(/killed or crashed/);

    const rerun = cli(killed.url);
    let out = '';
    rerun.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => rerun.on('exit', (c) => r(c)));
    expect(code, out).toBe(0);
    expect(out).toMatch(
      new RegExp(
        `accepted ${(N - partial).toLocaleString('en-US')}, duplicates skipped ${partial.toLocaleString('en-US')}`,
      ),
    );

    await ingestEvents(file, { pool: clean.pool, batchSize: 5000 });
    expect(await count(killed)).toBe(N);
    expect(await snapshot(killed.pool)).toEqual(await snapshot(clean.pool));
    const runs = await killed.pool.query(`SELECT status FROM ingest_runs ORDER BY id`);
    expect(runs.rows.map((r) => r.status)).toEqual(['aborted', 'done']);
  });
});
