import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { ZExportOptions } from '@/lib/schemas/export';
import { buildEvidenceBag } from '@/lib/evidence/bag';
import { claimNextJob } from '@/lib/evidence/jobs/claim';
import { runExportJob } from '@/lib/evidence/jobs/run-job';
import { createExportJob, createRebuildJob } from '@/lib/evidence/jobs/store';
import { bagPath } from '@/lib/evidence/jobs/paths';

// Events that commit after an export's cut-off stay out of it and of every rebuild, whoever
// writes them: a transaction open when the cut-off is taken (it is waited for, and counts), an
// insert outside any ingest run, and the next batch of an ingest run still going. Before the
// events_insert_seq cut-off, the last two were in the rebuild but not in the original.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-cutoff-'));
process.env.EVIDENCE_EXPORT_DIR = dir;
pointAtDatabase(process.env.DATABASE_URL!);

const lea: SessionUser = { id: 'u-lea-co', email: 'lea@co.test', name: 'Lea', role: 'legal' };
let caseId = '';
const audit =
  (tx: Tx): AuditFn =>
  async (e) => {
    await writeAudit(prismaRunner(tx), { ...e, actor: { id: lea.id, email: lea.email } });
  };

const INSERT = `INSERT INTO events (id, ts, account_id, model, prompt, prompt_sha256, response,
                     simhash, tax_bucket, lsh_bucket, reasoning, single_turn, run_id)
  SELECT $1, timestamptz '2026-10-02' + $2 * interval '1 minute', 'co-a1', 'm', 'Prompt ' || $1,
         encode(sha256(convert_to('Prompt ' || $1, 'UTF8')), 'hex'), 'ok', 0, 0, 0, false, true, $3`;
const insert = (
  db: { query: (s: string, p: unknown[]) => Promise<unknown> },
  id: string,
  minute: number,
  run: string | null,
) => db.query(INSERT, [id, minute, run]);

async function build(jobId: string) {
  const claimed = await claimNextJob(pgPool(), 'cutoff-test', jobId);
  expect(claimed?.id).toBe(jobId);
  return runExportJob(pgPool(), claimed!, buildEvidenceBag);
}
function natives(jobId: string): Map<string, Buffer> {
  const to = path.join(dir, `unzipped-${jobId}`);
  execFileSync('unzip', ['-q', bagPath(jobId), '-d', to]);
  const bag = path.join(to, readdirSync(to)[0]);
  const d = path.join(bag, 'data', 'natives');
  return new Map(readdirSync(d).map((f) => [f, readFileSync(path.join(d, f))]));
}
const ids = (files: Map<string, Buffer>) =>
  [...files.values()].flatMap((b) =>
    b
      .toString()
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id),
  );

beforeAll(async () => {
  await prisma.user.create({ data: lea });
  await pgPool().query(`SELECT ensure_event_partition(date '2026-10-01')`);
  for (let i = 0; i < 5; i++) await insert(pgPool(), `co-base-${i}`, i, null);
  const c = await prisma.case.create({
    data: {
      title: 'Cut-off ring',
      created_by: lea.id,
      accounts: { create: [{ account_id: 'co-a1', linked_by: lea.id }] },
    },
  });
  caseId = c.id;
}, 120_000);
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('export cut-off and concurrent inserts', () => {
  it('waits for open inserts, then leaves later ones out of the export and its rebuild', async () => {
    const run = await pgPool().query<{ id: string }>(
      `INSERT INTO ingest_runs (kind, source, status) VALUES ('events', 'test', 'running') RETURNING id::text`,
    );
    const runId = run.rows[0].id;
    await insert(pgPool(), 'co-run-batch1', 10, runId); // committed before the cut-off
    const held = await pgPool().connect();
    await held.query('BEGIN');
    await insert(held, 'co-during', 11, null); // open while the cut-off is asked for

    const job = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, ZExportOptions.parse({ sampleSize: 2 })),
    );
    const building = build(job.id);
    await new Promise((r) => setTimeout(r, 500));
    const waiting = await pgPool().query<{ cutoff: unknown }>(
      'SELECT cutoff FROM export_jobs WHERE id = $1::uuid',
      [job.id],
    );
    expect(waiting.rows[0].cutoff).toBeNull(); // the cut-off waits for the open insert
    // Queued behind the cut-off: these commit after it.
    const late = [
      insert(pgPool(), 'co-outside-run', 12, null),
      insert(pgPool(), 'co-run-batch2', 13, runId),
    ];
    await held.query('COMMIT');
    held.release();
    expect(await building).toEqual({ status: 'done' });
    await Promise.all(late);

    const first = natives(job.id);
    expect(ids(first).sort()).toEqual(
      [
        'co-base-0',
        'co-base-1',
        'co-base-2',
        'co-base-3',
        'co-base-4',
        'co-during',
        'co-run-batch1',
      ].sort(),
    );
    const rebuild = await prisma.$transaction((tx) => createRebuildJob(tx, audit(tx), lea, job.id));
    expect(await build(rebuild.id)).toEqual({ status: 'done' });
    const second = natives(rebuild.id);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [f, b] of first) expect(second.get(f)?.equals(b), f).toBe(true);

    // A new export sees them: the comparison above can fail.
    const fresh = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, ZExportOptions.parse({ sampleSize: 2 })),
    );
    expect(await build(fresh.id)).toEqual({ status: 'done' });
    expect(ids(natives(fresh.id))).toEqual(
      expect.arrayContaining(['co-outside-run', 'co-run-batch2']),
    );
  }, 300_000);
});
