import { prisma, type Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import { InvalidTransitionError, NotFoundError, ValidationError } from '@/lib/errors';
import { caseVisibilityWhere, type SessionUser } from '@/lib/auth/permissions';
import type { ExportJob } from '@/lib/generated/prisma/client';
import type { ExportJobView, ExportStatus, TExportOptions } from '@/lib/schemas/export';

// Export jobs as the routes, screens and CLI see them. Creating and cancelling are changes made
// inside the caller's transaction with their audit row (target: the case, so the case activity
// and the next package's custody log show them).

type Row = ExportJob & { case: { title: string; number: number } | null };

export function toView(j: Row): ExportJobView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: j.id,
    case_id: j.case_id,
    case_title: j.case?.title ?? '',
    case_number: j.case?.number ?? 0,
    requested_by_email: j.requested_by_email,
    options: j.options as TExportOptions,
    status: j.status as ExportStatus,
    phase: j.phase,
    progress: j.progress,
    events_done: j.events_done,
    events_total: j.events_total,
    cancel_requested: j.cancel_requested,
    bag_name: j.bag_name,
    bag_bytes: j.bag_bytes == null ? null : Number(j.bag_bytes),
    bag_sha256: j.bag_sha256,
    error: j.error,
    rebuild_of: j.rebuild_of,
    created_at: j.created_at.toISOString(),
    started_at: iso(j.started_at),
    finished_at: iso(j.finished_at),
  };
}

async function withCases(jobs: ExportJob[]): Promise<Row[]> {
  const ids = [...new Set(jobs.map((j) => j.case_id))];
  const cases = ids.length
    ? await prisma.case.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true, number: true },
      })
    : [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  return jobs.map((j) => ({ ...j, case: byId.get(j.case_id) ?? null }));
}

/** The case as `user` may see it, with the links an export scope is checked against. */
async function visibleCase(db: Tx | typeof prisma, user: SessionUser, caseId: string) {
  const c = await db.case.findFirst({
    where: { id: caseId, ...caseVisibilityWhere(user) },
    include: { accounts: true, clusters: true },
  });
  if (!c) throw new NotFoundError('Case not found');
  return c;
}

export async function createExportJob(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  options: TExportOptions,
): Promise<ExportJobView> {
  const c = await visibleCase(tx, user, caseId);
  const linkedA = new Set(c.accounts.map((a) => a.account_id));
  const linkedC = new Set(c.clusters.map((k) => k.cluster_id));
  const strayA = (options.accountIds ?? []).find((a) => !linkedA.has(a));
  if (strayA)
    throw new ValidationError(`Account ${strayA} is not linked to the case`, 'accountIds');
  const strayC = (options.clusterIds ?? []).find((k) => !linkedC.has(k));
  if (strayC)
    throw new ValidationError(`Cluster ${strayC} is not linked to the case`, 'clusterIds');
  const accounts = options.accountIds ?? [...linkedA];
  const clusters = options.clusterIds ?? [...linkedC];
  if (accounts.length === 0 && clusters.length === 0)
    throw new ValidationError('The case links no accounts or clusters to export', 'accountIds');
  const job = await tx.exportJob.create({
    data: {
      case_id: c.id,
      requested_by: user.id,
      requested_by_email: user.email,
      options: { ...options, accountIds: accounts, clusterIds: clusters },
    },
  });
  await audit({
    action: 'evidence.export_request',
    targetType: 'case',
    targetId: c.id,
    after: { caseId: c.id, jobId: job.id, options: job.options },
  });
  return toView({ ...job, case: { title: c.title, number: c.number } });
}

/**
 * Queues a rebuild of an export: the same options and the original's cut-off, so the payload
 * files and manifests come out byte-identical (the package keeps the original's export id).
 */
export async function createRebuildJob(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  jobId: string,
): Promise<ExportJobView> {
  const original = await findVisibleJob(user, jobId);
  if (!original.cutoff)
    throw new InvalidTransitionError(
      'This export never started, so it has no cut-off to rebuild from: queue a new export',
      [],
    );
  const c = await visibleCase(tx, user, original.case_id);
  const root = original.rebuild_of ?? original.id;
  const job = await tx.exportJob.create({
    data: {
      case_id: c.id,
      requested_by: user.id,
      requested_by_email: user.email,
      options: original.options as object,
      cutoff: original.cutoff as object,
      rebuild_of: root,
    },
  });
  await audit({
    action: 'evidence.export_request',
    targetType: 'case',
    targetId: c.id,
    after: { caseId: c.id, jobId: job.id, rebuildOf: root, options: job.options },
  });
  return toView({ ...job, case: { title: c.title, number: c.number } });
}

/** Queued jobs stop at once; a running one is asked to stop and its worker aborts the build. */
export async function cancelExportJob(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  jobId: string,
): Promise<ExportJobView> {
  const [job] = await tx.$queryRaw<
    ExportJob[]
  >`SELECT * FROM export_jobs WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (!job) throw new NotFoundError('Export not found');
  await visibleCase(tx, user, job.case_id);
  if (job.status !== 'queued' && job.status !== 'running')
    throw new InvalidTransitionError(`An export that is ${job.status} cannot be cancelled`, []);
  const updated = await tx.exportJob.update({
    where: { id: jobId },
    data:
      job.status === 'queued'
        ? {
            status: 'cancelled',
            cancel_requested: true,
            finished_at: new Date(),
            error: 'Cancelled before it started',
          }
        : { cancel_requested: true },
  });
  await audit({
    action: 'evidence.export_cancel',
    targetType: 'case',
    targetId: job.case_id,
    after: { caseId: job.case_id, jobId, status: updated.status },
  });
  return toView((await withCases([updated]))[0]);
}

export async function getExportJob(user: SessionUser, jobId: string): Promise<ExportJobView> {
  const job = await findVisibleJob(user, jobId);
  return toView((await withCases([job]))[0]);
}

/** A job whose case `user` may see; NotFoundError otherwise (the id is not confirmed). */
export async function findVisibleJob(user: SessionUser, jobId: string): Promise<ExportJob> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) throw new NotFoundError('Export not found');
  const job = await prisma.exportJob.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError('Export not found');
  await visibleCase(prisma, user, job.case_id).catch(() => {
    throw new NotFoundError('Export not found');
  });
  return job;
}

export async function listExportJobs(
  user: SessionUser,
  opts: { caseId?: string; limit?: number } = {},
): Promise<ExportJobView[]> {
  if (opts.caseId) await visibleCase(prisma, user, opts.caseId);
  const visible = await prisma.case.findMany({
    where: caseVisibilityWhere(user),
    select: { id: true },
  });
  const jobs = await prisma.exportJob.findMany({
    where: {
      case_id: opts.caseId ? opts.caseId : { in: visible.map((c) => c.id) },
    },
    orderBy: { created_at: 'desc' },
    take: opts.limit ?? 100,
  });
  return (await withCases(jobs)).map(toView);
}
