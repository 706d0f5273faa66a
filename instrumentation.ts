// Next runs register() once per server process. The export worker needs Node (files, pg), so it
// starts only in the Node.js runtime; NEXT_RUNTIME is set by Next itself, not by operators.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  if (env().EVIDENCE_WORKER === 'off' || !env().DATABASE_URL) return;
  const { startExportWorker } = await import('@/lib/evidence/jobs/worker');
  startExportWorker();
}
