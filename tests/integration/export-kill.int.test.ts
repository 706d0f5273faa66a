import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { InvalidTransitionError } from '@/lib/errors';
import { sweepStaleJobs } from '@/lib/evidence/jobs/claim';
import { recordDownload } from '@/lib/evidence/jobs/download';
import { partialPath } from '@/lib/evidence/jobs/paths';
import { buildEvidenceBag } from '@/lib/evidence/bag';

// A build cancelled while COPY still streams must end and free its connection. And a real
// `npm run evidence:build` killed with SIGKILL while it streams the natives: nothing of it
// may be downloadable, and the sweep (its heartbeat gone stale) fails the job and removes every
// file it left (the partial zip and the side-file directory).
const dir = mkdtempSync(path.join(tmpdir(), 'dw-export-kill-'));
process.env.EVIDENCE_EXPORT_DIR = dir;
pointAtDatabase(process.env.DATABASE_URL!);

const lea: SessionUser = { id: 'u-lea-kill', email: 'lea@kill.test', name: 'Lea', role: 'legal' };
const EVENTS = 60_000;
let caseId = '';

const audit =
  (tx: Tx): AuditFn =>
  async (e) => {
    await writeAudit(prismaRunner(tx), { ...e, actor: { id: lea.id, email: lea.email } });
  };
const filesOf = (id: string) => readdirSync(dir).filter((n) => n.startsWith(id));
const jobRow = async () =>
  (
    await pgPool().query<{
      id: string;
      status: string;
      phase: string | null;
      events_done: number;
      events_total: number;
    }>(
      `SELECT id::text, status, phase, events_done, events_total FROM export_jobs WHERE case_id = $1`,
      [caseId],
    )
  ).rows[0];

beforeAll(async () => {
  await prisma.user.create({ data: lea });
  await pgPool().query(`SELECT ensure_event_partition(date '2026-10-01')`);
  // Prompts of ~400 characters over 4 accounts: enough that the natives take seconds.
  await pgPool().query(
    `INSERT INTO events (id, ts, account_id, model, prompt, prompt_sha256, response, simhash,
                         tax_bucket, lsh_bucket, reasoning, single_turn)
     SELECT 'k' || g, timestamptz '2026-10-02' + g * interval '1 second', 'kill-a' || (g % 4), 'm', p,
            encode(sha256(convert_to(p, 'UTF8')), 'hex'), repeat('answer ', 60), g, g % 20, g % 8, false, true
       FROM generate_series(1, $1::int) g,
            LATERAL (SELECT repeat('Explain topic ' || g || ' with examples. ', 12) AS p) x`,
    [EVENTS],
  );
  const c = await prisma.case.create({
    data: {
      title: 'Killed build',
      created_by: lea.id,
      accounts: {
        create: [0, 1, 2, 3].map((i) => ({ account_id: `kill-a${i}`, linked_by: lea.id })),
      },
    },
  });
  caseId = c.id;
}, 120_000);
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('export build cancelled mid-COPY', () => {
  it('rejects promptly, leaves no file and gives its connection up', async () => {
    // 60k events are far more than one read of COPY: the abort lands while rows still stream,
    // where a ROLLBACK on that connection used to wait forever (the build never settled).
    const ac = new AbortController();
    const out = path.join(dir, 'cancelled.zip');
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const build = buildEvidenceBag(
        {
          pool,
          scope: { caseId, title: 't', accountIds: ['kill-a0', 'kill-a1'], clusterIds: [] },
          outPath: out,
          timestamp: false,
        },
        { signal: ac.signal, onProgress: (p) => p.eventsDone >= 256 && ac.abort() },
      );
      const settled = await Promise.race([
        build.then(
          () => 'resolved',
          (e: Error) => e.name,
        ),
        new Promise((r) => setTimeout(() => r('still running after 60 s'), 60_000)),
      ]);
      expect(settled).toBe('AbortError');
      expect(readdirSync(dir).filter((n) => n.startsWith('cancelled.zip'))).toEqual([]);
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  }, 120_000);
});

describe('export build killed with SIGKILL', () => {
  it('leaves nothing downloadable, and the sweep fails the job and removes its files', async () => {
    // In its own process group, so SIGKILL reaches npm, tsx and the node process doing the work.
    const child = spawn(
      'npm',
      ['run', '--silent', 'evidence:build', '--', '--case', caseId, '--as', lea.email],
      { env: { ...process.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // Kill at a known state, however fast the machine: streaming natives, partway through.
    const t0 = Date.now();
    let row = await jobRow();
    while (!(row?.phase === 'natives' && row.events_done > 0)) {
      if (row && row.status !== 'running' && row.status !== 'queued')
        throw new Error(`the build ended (${row.status}) before the kill: ${stderr}`);
      if (Date.now() - t0 > 180_000) throw new Error(`the build never streamed: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
      row = await jobRow();
    }
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    expect(row.events_done).toBeLessThan(row.events_total);
    expect(stderr).toContain(`export ${row.id}: queued`);

    // Killed: still 'running' in the table, a partial zip and side files on disk, none final.
    expect((await jobRow()).status).toBe('running');
    expect(statSync(partialPath(row.id)).size).toBeGreaterThan(0);
    expect(filesOf(row.id)).not.toContain(`${row.id}.zip`);
    expect(filesOf(row.id).some((n) => n.startsWith(`${row.id}.zip.tmp-`))).toBe(true);
    const download = () => prisma.$transaction((tx) => recordDownload(tx, audit(tx), lea, row.id));
    await expect(download()).rejects.toBeInstanceOf(InvalidTransitionError);

    // A heartbeat seconds old is not stale; once it is older than the limit, the sweep takes it.
    expect(await sweepStaleJobs(pgPool(), 60)).toEqual([]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await sweepStaleJobs(pgPool(), 2)).toEqual([row.id]);
    const swept = await jobRow();
    expect(swept.status).toBe('failed');
    expect(filesOf(row.id)).toEqual([]);
    await expect(download()).rejects.toBeInstanceOf(InvalidTransitionError);
    const actions = (
      await prisma.auditLog.findMany({ where: { target_id: caseId }, orderBy: { id: 'asc' } })
    ).map((r) => r.action);
    expect(actions).toEqual(['evidence.export_request', 'evidence.export_failed']);
  }, 300_000);
});
