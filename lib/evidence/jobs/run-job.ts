import type { Pool } from 'pg';
import { prisma } from '@/lib/db/client';
import { assembleReportInput } from '@/lib/evidence/report/assemble';
import { renderReportPdf } from '@/lib/evidence/report/render';
import type { BuildEvidenceOptions, BuildHooks, BuildProgress, BuildResult } from '../types';
import { finishJob, heartbeat, type ClaimedJob } from './claim';
import { fixCutoff } from './cutoff';
import { bagPath, removeJobFiles } from './paths';

// Runs one claimed job through the bag writer. Progress goes to the job row at most every
// HEARTBEAT_MS; each heartbeat also reads a cancel request and aborts the build. The writer
// renames its partial file only when the bag is complete, so on any failure the sweep below
// leaves no file under the job's name. Everything the payload depends on comes from the job's
// options and its cut-off (lib/evidence/jobs/cutoff.ts), so a rebuild writes the same payload.

export const HEARTBEAT_MS = 1000;

/** The bag writer (lib/evidence/bag's buildEvidenceBag; tests pass a stand-in). */
export type BagBuilder = (opts: BuildEvidenceOptions, hooks: BuildHooks) => Promise<BuildResult>;

export interface RunOutcome {
  status: 'done' | 'failed' | 'cancelled';
  error?: string;
}

/** Exclusive end day → the writer's half-open [from, to) range. */
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();

/** The writer's options for a job: its options, its cut-off, its requester for the report. */
async function buildOptions(pool: Pool, job: ClaimedJob): Promise<BuildEvidenceOptions> {
  const cut = await fixCutoff(pool, job);
  const requester = await prisma.user.findUnique({ where: { id: job.requested_by } });
  const o = job.options;
  const exportId = job.rebuild_of ?? job.id;
  return {
    scope: {
      caseId: job.case_id,
      title: cut.caseTitle,
      accountIds: o.accountIds ?? [],
      clusterIds: o.clusterIds ?? [],
      from: o.from ? `${o.from}T00:00:00.000Z` : undefined,
      to: o.to ? nextDay(o.to) : undefined,
      openedAt: cut.openedAt,
      resolvedAccountIds: cut.accountIds,
      maxRunId: cut.maxRunId,
      maxEventSeq: cut.eventSeq ?? null,
    },
    outPath: bagPath(job.id),
    pool,
    fields: o.fields,
    redact: o.redact,
    sample: { seed: o.sampleSeed ?? job.case_id, size: o.sampleSize },
    privilegeLog: o.privilegeLog,
    exportId,
    auditCutoff: cut.auditSeq ? { seq: cut.auditSeq } : { id: cut.auditId },
    stixFacts: cut.stix,
    cutoffAt: cut.at,
    // The request itself is an audit row of the case (≤ the cut-off, so in the custody log).
    exportEvents: [
      {
        at: cut.at,
        actor: 'export-worker',
        action: 'export.cut_off',
        details: {
          audit_id: cut.auditId,
          // Only on cut-offs that have it, so older exports rebuild to the same custody bytes.
          ...(cut.auditSeq ? { audit_seq: cut.auditSeq } : {}),
          max_ingest_run: cut.maxRunId,
          ...(cut.eventSeq ? { event_seq: cut.eventSeq } : {}),
        },
      },
    ],
    renderReport: async (ctx) =>
      renderReportPdf(
        await assembleReportInput(ctx, {
          name: requester?.name ?? job.requested_by_email,
          email: job.requested_by_email,
          role: requester?.role ?? 'unknown',
        }),
      ),
  };
}

export async function runExportJob(
  pool: Pool,
  job: ClaimedJob,
  build: BagBuilder,
  opts: BuildHooks = {},
): Promise<RunOutcome> {
  const abort = new AbortController();
  opts.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  let last: BuildProgress = { phase: 'scope', eventsDone: 0, eventsTotal: 0 };
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
    const result = await build(await buildOptions(pool, job), {
      signal: abort.signal,
      onProgress: (p) => {
        last = p;
        opts.onProgress?.(p);
      },
    });
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
