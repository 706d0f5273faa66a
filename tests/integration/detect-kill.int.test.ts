import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { runDetection } from '@/lib/detect';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb } from './ingest-snapshot';

// Detection is all or nothing and one run at a time (lib/detect/run-lock.ts): a run SIGKILLed in
// the middle of writing leaves the previous results whole and its row is swept to 'aborted' by
// the next run; two runs started together both finish, one after the other.
const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-detkill-'));
const first = path.join(dir, 'first.ndjson');
const more = path.join(dir, 'more.ndjson');
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  await writeNdjson(first, generateFlatEvents({ events: 6000, accounts: 120, seed: 5 }));
  await writeNdjson(more, generateFlatEvents({ events: 3000, accounts: 160, seed: 6 }));
  db = await freshDb('dw_detkill');
  await ingestEvents(first, { pool: db.pool });
}, 120_000);
afterAll(async () => {
  await db.drop();
});

const scores = async () =>
  (
    await db.pool.query<{ n: number; run: string; sum: string }>(
      `SELECT count(*)::int AS n, min(run_id)::text AS run, round(sum(risk)::numeric, 4)::text AS sum
       FROM account_score`,
    )
  ).rows[0];
const runs = async () =>
  (
    await db.pool.query<{ id: string; status: string }>(
      `SELECT id::text, status FROM detect_runs ORDER BY id`,
    )
  ).rows;

// Parks the CLI's write transaction at its first account_score insert, on a lock the test holds.
const PARK = 4343;
const PARK_SQL = `
  CREATE FUNCTION dw_test_park() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_advisory_xact_lock(${PARK}); RETURN NULL; END $$;
  CREATE TRIGGER dw_test_park AFTER INSERT ON account_score FOR EACH STATEMENT EXECUTE FUNCTION dw_test_park();`;
const UNPARK_SQL = 'DROP TRIGGER dw_test_park ON account_score; DROP FUNCTION dw_test_park();';
const parked = async () =>
  (
    await db.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [PARK],
    )
  ).rows.map((r) => r.pid);

describe('detection runs', () => {
  it('a run killed while writing leaves the previous results whole; the next run sweeps it', async () => {
    const before = await runDetection(db.pool);
    const old = await scores();
    expect(old.run).toBe(before.runId);
    await ingestEvents(more, { pool: db.pool });

    await db.pool.query(PARK_SQL);
    const holder = await db.pool.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [PARK]);
    const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/detect.ts'], {
      env: { ...process.env, DATABASE_URL: db.url },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const t0 = Date.now();
    while ((await parked()).length === 0) {
      if (Date.now() - t0 > 180_000) throw new Error('detect never reached its write');
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    for (const pid of await parked()) await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await holder.query('SELECT pg_advisory_unlock($1)', [PARK]);
    holder.release();
    await db.pool.query(UNPARK_SQL);

    expect(await scores()).toEqual(old); // the old set, whole: nothing of the killed run
    const killedRun = (await runs()).at(-1)!;
    expect(killedRun.status).toBe('running');

    const after = await runDetection(db.pool);
    expect(after.abortedRuns).toEqual([killedRun.id]);
    const now = await scores();
    expect(now.run).toBe(after.runId);
    expect(now.n).toBeGreaterThan(old.n); // the new accounts of the second file are scored
    expect((await runs()).map((r) => r.status)).toEqual(['done', 'aborted', 'done']);
    const audit = await db.pool.query(
      `SELECT after->'abortedRuns' AS a FROM audit_log WHERE action = 'detect.run' AND target_id = $1`,
      [after.runId],
    );
    expect(audit.rows[0].a).toEqual([killedRun.id]);
  }, 300_000);

  it('two runs started together both finish, one after the other, with one consistent result', async () => {
    const waits: string[] = [];
    const [a, b] = await Promise.all([
      runDetection(db.pool, { onProgress: (p) => waits.push(p.stage) }),
      runDetection(db.pool, { onProgress: (p) => waits.push(p.stage) }),
    ]);
    expect(waits).toContain('waiting for another detection run');
    const last = [a, b].sort((x, y) => Number(x.runId) - Number(y.runId))[1];
    const s = await scores();
    expect(s.run).toBe(last.runId);
    expect(s.n).toBe(a.accounts);
    expect((await runs()).slice(-2).map((r) => r.status)).toEqual(['done', 'done']);
  }, 300_000);
});
