import { existsSync, mkdtempSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { InvalidTransitionError, NotFoundError, ValidationError } from '@/lib/errors';
import { ZExportOptions } from '@/lib/schemas/export';
import { cancelExportJob, createExportJob, getExportJob } from '@/lib/evidence/jobs/store';
import { claimNextJob, sweepStaleJobs } from '@/lib/evidence/jobs/claim';
import { runExportJob, type BagBuilder } from '@/lib/evidence/jobs/run-job';
import { recordDownload } from '@/lib/evidence/jobs/download';
import { bagPath, partialPath } from '@/lib/evidence/jobs/paths';

// Export jobs against a real database: run to done, cancel mid-build, sweep a job whose process
// died. The bag writer here is a small stand-in that keeps its contract (write <out>.partial,
// report progress, honour the abort signal, rename when complete); the real writer is exercised
// by the evidence bag tests and the e2e spec.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-exports-'));
process.env.EVIDENCE_EXPORT_DIR = dir;
pointAtDatabase(process.env.DATABASE_URL!);

const lea: SessionUser = { id: 'u-lea', email: 'lea@x.test', name: 'Lea', role: 'legal' };
const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
let caseId = '';
let restrictedId = '';

const audited =
  (user: SessionUser) =>
  (tx: Tx): AuditFn =>
  async (e) => {
    await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
  };

async function create(user: SessionUser, id: string, input: object = {}) {
  return prisma.$transaction((tx) =>
    createExportJob(tx, audited(user)(tx), user, id, ZExportOptions.parse(input)),
  );
}

function stubBuilder(steps: number, stepMs: number): BagBuilder {
  return async (opts, hooks) => {
    const partial = `${opts.outPath}.partial`;
    writeFileSync(partial, 'PK');
    for (let i = 1; i <= steps; i++) {
      hooks.signal?.throwIfAborted();
      hooks.onProgress?.({ phase: 'natives', eventsDone: i * 10, eventsTotal: steps * 10 });
      await new Promise((r) => setTimeout(r, stepMs));
    }
    hooks.signal?.throwIfAborted();
    renameSync(partial, opts.outPath);
    return {
      path: opts.outPath,
      bagName: `evidence-${opts.scope.caseId}`,
      bytes: 2,
      sha256: 'f'.repeat(64),
      events: steps * 10,
      payloadFiles: 3,
      payloadOxum: '2.3',
      tagManifestSha256: 'e'.repeat(64),
      signingKeyId: 'ABCDEF0123456789',
      timestamped: false,
      custodyHead: 'd'.repeat(64),
      redactions: 0,
      auditChainHead: null,
      sample: { method: 'stub', seed: 's', size: 0, items: [] },
    };
  };
}

const filesOf = (id: string) => readdirSync(dir).filter((n) => n.startsWith(id));
const auditActions = async (id: string) =>
  (await prisma.auditLog.findMany({ where: { target_id: caseId }, orderBy: { id: 'asc' } }))
    .filter((r) => (r.after as { jobId?: string } | null)?.jobId === id)
    .map((r) => r.action);

beforeAll(async () => {
  await prisma.user.createMany({ data: [lea, ana], skipDuplicates: true });
  const mk = (restricted: boolean) =>
    prisma.case.create({
      data: {
        title: restricted ? 'Hidden' : 'Sweep ring',
        restricted,
        created_by: ana.id,
        accounts: { create: [{ account_id: 'acct-1', linked_by: ana.id }] },
        clusters: { create: [{ cluster_id: 'cl-1', linked_by: ana.id }] },
      },
    });
  caseId = (await mk(false)).id;
  restrictedId = (await mk(true)).id;
});
afterAll(() => closeDb());

describe('export jobs', () => {
  it('queues a job scoped to the case links and refuses accounts the case does not link', async () => {
    const job = await create(lea, caseId);
    expect(job).toMatchObject({ status: 'queued', progress: 0 });
    expect(job.options).toMatchObject({
      accountIds: ['acct-1'],
      clusterIds: ['cl-1'],
      redact: true,
    });
    await expect(create(lea, caseId, { accountIds: ['acct-9'] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    // A restricted case the analyst cannot see answers like an unknown one.
    await expect(create(ana, restrictedId)).rejects.toBeInstanceOf(NotFoundError);
    await prisma.$transaction((tx) => cancelExportJob(tx, audited(lea)(tx), lea, job.id));
    expect((await getExportJob(lea, job.id)).status).toBe('cancelled');
  });

  it('runs a job to done with progress, records it on the case, and audits each download', async () => {
    const job = await create(lea, caseId, { sampleSeed: 's1' });
    const claimed = await claimNextJob(pgPool(), 'test-worker', job.id);
    expect(claimed?.id).toBe(job.id);
    expect(await claimNextJob(pgPool(), 'other-worker', job.id)).toBeNull(); // taken
    const seen: number[] = [];
    const out = await runExportJob(pgPool(), claimed!, stubBuilder(3, 20), {
      onProgress: (p) => seen.push(p.eventsDone),
    });
    expect(out.status).toBe('done');
    expect(seen).toEqual([10, 20, 30]);
    const done = await getExportJob(lea, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, bag_sha256: 'f'.repeat(64) });
    expect(existsSync(bagPath(job.id))).toBe(true);
    expect(filesOf(job.id)).toEqual([`${job.id}.zip`]);
    const file = await prisma.$transaction((tx) =>
      recordDownload(tx, audited(lea)(tx), lea, job.id),
    );
    expect(file.path).toBe(bagPath(job.id));
    await prisma.$transaction((tx) => recordDownload(tx, audited(lea)(tx), lea, job.id));
    expect(await auditActions(job.id)).toEqual([
      'evidence.export_request',
      'evidence.export_done',
      'evidence.download',
      'evidence.download',
    ]);
  });

  it('cancelling a running build stops it, leaves no file and nothing to download', async () => {
    const job = await create(lea, caseId);
    const claimed = await claimNextJob(pgPool(), 'test-worker', job.id);
    const run = runExportJob(pgPool(), claimed!, stubBuilder(200, 25));
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(partialPath(job.id))).toBe(true);
    await prisma.$transaction((tx) => cancelExportJob(tx, audited(lea)(tx), lea, job.id));
    const out = await run;
    expect(out.status).toBe('cancelled');
    expect(filesOf(job.id)).toEqual([]);
    expect((await getExportJob(lea, job.id)).status).toBe('cancelled');
    await expect(
      prisma.$transaction((tx) => recordDownload(tx, audited(lea)(tx), lea, job.id)),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await auditActions(job.id)).toEqual([
      'evidence.export_request',
      'evidence.export_cancel',
      'evidence.export_cancelled',
    ]);
  });

  it('sweeps a running job whose process died: failed, partial removed, never downloadable', async () => {
    const job = await create(lea, caseId);
    await claimNextJob(pgPool(), 'dead-worker', job.id);
    writeFileSync(partialPath(job.id), 'PK-half');
    // The killed process stops heartbeating: a fresh heartbeat is not swept, an old one is.
    expect(await sweepStaleJobs(pgPool())).toEqual([]);
    await pgPool().query(
      `UPDATE export_jobs SET heartbeat_at = now() - interval '5 minutes' WHERE id = $1`,
      [job.id],
    );
    expect(await sweepStaleJobs(pgPool())).toEqual([job.id]);
    const swept = await getExportJob(lea, job.id);
    expect(swept.status).toBe('failed');
    expect(swept.error).toMatch(/stopped/);
    expect(filesOf(job.id)).toEqual([]);
    expect(await auditActions(job.id)).toEqual([
      'evidence.export_request',
      'evidence.export_failed',
    ]);
  });
});
