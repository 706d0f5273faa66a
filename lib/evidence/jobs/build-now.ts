import 'server-only';
import { prisma, pgPool, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { buildEvidenceBag } from '@/lib/evidence/bag';
import type { ExportJobView, TExportOptions } from '@/lib/schemas/export';
import type { BuildHooks } from '../types';
import { claimNextJob, sweepStaleJobs } from './claim';
import { runExportJob } from './run-job';
import { createExportJob, createRebuildJob, getExportJob } from './store';
import { newWorkerId } from './worker';

// `npm run evidence:build`: queue a job as `user` (a new export of a case, or a rebuild of an
// export from its cut-off) and work it in this process. If a server's worker claims it first
// (both poll the same queue), follow its progress from the job row.

interface Progress {
  phase: string;
  eventsDone: number;
  eventsTotal: number;
}
type Hooks = Omit<BuildHooks, 'onProgress'> & {
  onProgress?: (p: Progress) => void;
  /** Called once the job row exists (the CLI prints its id). */
  onQueued?: (job: ExportJobView) => void;
};
type Create = (tx: Tx, audit: AuditFn) => Promise<ExportJobView>;

export const buildCaseNow = (
  user: SessionUser,
  caseId: string,
  options: TExportOptions,
  hooks: Hooks = {},
) => queueAndWork(user, (tx, audit) => createExportJob(tx, audit, user, caseId, options), hooks);

export const rebuildNow = (user: SessionUser, jobId: string, hooks: Hooks = {}) =>
  queueAndWork(user, (tx, audit) => createRebuildJob(tx, audit, user, jobId), hooks);

async function queueAndWork(user: SessionUser, create: Create, hooks: Hooks) {
  const pool = pgPool();
  await sweepStaleJobs(pool);
  const created = await prisma.$transaction((tx) =>
    create(tx, async (e) => {
      await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
    }),
  );
  hooks.onQueued?.(created);
  const job = await claimNextJob(pool, newWorkerId('cli'), created.id);
  if (job) {
    await runExportJob(pool, job, buildEvidenceBag, hooks);
    return getExportJob(user, created.id);
  }
  for (;;) {
    const v = await getExportJob(user, created.id);
    if (v.status !== 'queued' && v.status !== 'running') return v;
    hooks.onProgress?.({
      phase: v.phase ?? 'queued',
      eventsDone: v.events_done,
      eventsTotal: v.events_total,
    });
    await new Promise((r) => setTimeout(r, 1000));
  }
}
