import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { prisma } from '@/lib/db/client';
import { assembleReportInput, type ReportContext } from '@/lib/evidence/report/assemble';
import { renderReportPdf } from '@/lib/evidence/report/render';
import { finishJob, heartbeat, type ClaimedJob } from './claim';
import { bagPath, exportDir } from './paths';

// Runs one claimed job through the bag writer. Progress goes to the job row at most every
// HEARTBEAT_MS; each heartbeat also reads a cancel request and aborts the build. The writer
// renames its partial file only when the bag is complete, so on any failure the sweep below
// leaves no file under the job's name.

export const HEARTBEAT_MS = 1000;

/** What the runner needs of the bag writer (structurally lib/evidence/bag's buildEvidenceBag). */
export interface BagProgress {
  phase: string;
  eventsDone: number;
  eventsTotal: number;
}
export interface BagBuildResult {
  path: string;
  bagName: string;
  bytes: number;
  sha256: string;
  events: number;
  payloadFiles: number;
  payloadOxum: string;
  tagManifestSha256: string;
  signingKeyId: string;
  timestamped: boolean;
  custodyHead: string;
  redactions: number;
}
export type BagBuilder = (
  opts: {
    scope: {
      caseId: string;
      title: string;
      accountIds: string[];
      clusterIds: string[];
      from?: string;
      to?: string;
      openedAt?: Date;
    };
    outPath: string;
    pool?: Pool;
    fields?: 'full' | 'hashes';
    redact?: boolean;
    sample?: { seed: string; size: number };
    privilegeLog?: {
      date: string;
      author: string;
      recipients?: string;
      description: string;
      basis: string;
    }[];
    exportId?: string;
    exportEvents?: {
      at: string | Date;
      actor: string | null;
      action: string;
      details?: Record<string, unknown>;
    }[];
    renderReport?: (ctx: ReportContext) => Promise<Buffer>;
  },
  hooks: { onProgress?: (p: BagProgress) => void; signal?: AbortSignal },
) => Promise<BagBuildResult>;

export interface RunOutcome {
  status: 'done' | 'failed' | 'cancelled';
  error?: string;
}

/** Exclusive end day → the writer's half-open [from, to) range. */
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();

export async function removeJobFiles(jobId: string, keepFinal = false): Promise<void> {
  const names = await readdir(exportDir()).catch(() => [] as string[]);
  for (const n of names)
    if (n.startsWith(`${jobId}.zip.`) || (!keepFinal && n === `${jobId}.zip`))
      await rm(path.join(exportDir(), n), { recursive: true, force: true });
}

export async function runExportJob(
  pool: Pool,
  job: ClaimedJob,
  build: BagBuilder,
  opts: { onProgress?: (p: BagProgress) => void; signal?: AbortSignal } = {},
): Promise<RunOutcome> {
  const abort = new AbortController();
  opts.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  let last: BagProgress = { phase: 'scope', eventsDone: 0, eventsTotal: 0 };
  let cancelled = false;
  const beat = async () => {
    const { stop } = await heartbeat(pool, job.id, {
      phase: last.phase,
      done: last.eventsDone,
      total: last.eventsTotal,
    }).catch(() => ({ stop: false }));
    if (stop && !abort.signal.aborted) {
      cancelled = true;
      abort.abort();
    }
  };
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  try {
    const c = await prisma.case.findUniqueOrThrow({ where: { id: job.case_id } });
    const requester = await prisma.user.findUnique({ where: { id: job.requested_by } });
    const o = job.options;
    const result = await build(
      {
        scope: {
          caseId: c.id,
          title: c.title,
          accountIds: o.accountIds ?? [],
          clusterIds: o.clusterIds ?? [],
          from: o.from ? `${o.from}T00:00:00.000Z` : undefined,
          to: o.to ? nextDay(o.to) : undefined,
          openedAt: c.created_at,
        },
        outPath: bagPath(job.id),
        pool,
        fields: o.fields,
        redact: o.redact,
        sample: { seed: o.sampleSeed ?? c.id, size: o.sampleSize },
        privilegeLog: o.privilegeLog,
        exportId: job.id,
        // The request itself is already an audit row of the case (and so in the custody log).
        exportEvents: [{ at: new Date(), actor: 'export-worker', action: 'export.started' }],
        renderReport: async (ctx) =>
          renderReportPdf(
            await assembleReportInput(ctx, {
              name: requester?.name ?? job.requested_by_email,
              email: job.requested_by_email,
              role: requester?.role ?? 'unknown',
            }),
          ),
      },
      {
        signal: abort.signal,
        onProgress: (p) => {
          last = p;
          opts.onProgress?.(p);
        },
      },
    );
    clearInterval(timer);
    const ok = await finishJob(pool, job, {
      status: 'done',
      bagPath: result.path,
      bagName: `${result.bagName}.zip`,
      bytes: result.bytes,
      sha256: result.sha256,
      result: {
        events: result.events,
        payloadFiles: result.payloadFiles,
        payloadOxum: result.payloadOxum,
        tagManifestSha256: result.tagManifestSha256,
        signingKeyId: result.signingKeyId,
        timestamped: result.timestamped,
        custodyHead: result.custodyHead,
        redactions: result.redactions,
      },
    });
    // Swept while finishing (heartbeat lost): the package is not recorded, so it must not stay.
    if (!ok) await removeJobFiles(job.id);
    return { status: ok ? 'done' : 'failed' };
  } catch (e) {
    clearInterval(timer);
    await removeJobFiles(job.id);
    const stopped = cancelled || opts.signal?.aborted;
    const error = stopped ? 'Cancelled while building' : e instanceof Error ? e.message : String(e);
    await finishJob(pool, job, { status: stopped ? 'cancelled' : 'failed', error });
    return { status: stopped ? 'cancelled' : 'failed', error };
  }
}
