import 'server-only';
import { prisma, pgPool } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { buildEvidenceBag } from '@/lib/evidence/bag';
import type { ExportJobView, TExportOptions } from '@/lib/schemas/export';
import { claimNextJob, sweepStaleJobs } from './claim';
import { runExportJob, type BagProgress } from './run-job';
import { createExportJob, getExportJob } from './store';
import { newWorkerId } from './worker';

// `npm run evidence:build`: queue a job as `user` and work it in this process. If a server's
// worker claims it first (both poll the same queue), follow its progress from the job row.

export async function buildCaseNow(
  user: SessionUser,
  caseId: string,
  options: TExportOptions,
  hooks: { onProgress?: (p: BagProgress) => void; signal?: AbortSignal } = {},
): Promise<ExportJobView> {
  const pool = pgPool();
  await sweepStaleJobs(pool);
  const created = await prisma.$transaction((tx) =>
    createExportJob(
      tx,
      async (e) => {
        await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
      },
      user,
      caseId,
      options,
    ),
  );
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
