import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import { pgPool } from '@/lib/db/client';
import { buildEvidenceBag } from '@/lib/evidence/bag';
import { claimNextJob, sweepStaleJobs } from './claim';
import { runExportJob } from './run-job';

// The export worker inside the Next server (started once from instrumentation.ts): one build at
// a time, polling for queued jobs; stale running jobs (their process died) are swept at start
// and every SWEEP_MS. More servers or CLI runs may work the same queue: claims SKIP LOCKED.

const POLL_MS = 1000;
const SWEEP_MS = 30_000;

interface WorkerState {
  id: string;
  stop: () => void;
}
const g = globalThis as unknown as { __exportWorker?: WorkerState };

export const newWorkerId = (kind: string) =>
  `${kind}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export function startExportWorker(pool: Pool = pgPool()): WorkerState {
  if (g.__exportWorker) return g.__exportWorker;
  const id = newWorkerId('server');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastSweep = 0;
  const tick = async () => {
    if (stopped) return;
    try {
      if (Date.now() - lastSweep > SWEEP_MS) {
        lastSweep = Date.now();
        await sweepStaleJobs(pool);
      }
      const job = await claimNextJob(pool, id);
      if (job) await runExportJob(pool, job, buildEvidenceBag);
    } catch (e) {
      // The queue must outlive a bad job or a database blip; the job row carries the error.
      console.error(`export worker: ${(e as Error).message}`);
    }
    if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), POLL_MS);
  g.__exportWorker = {
    id,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      g.__exportWorker = undefined;
    },
  };
  return g.__exportWorker;
}
