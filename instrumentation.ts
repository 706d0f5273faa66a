// Next runs register() once per server process. The audit sealer and the export worker need Node
// (pg, files), so they start only in the Node.js runtime; NEXT_RUNTIME is set by Next itself, not by operators.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The socket address of every request, for sign-in throttling and audit rows
  // (lib/security/client.ts): stamped before any handler runs, whatever the client sent.
  const { installPeerStamp } = await import('@/lib/security/peer-stamp');
  installPeerStamp();
  // Computed now, so the first sign-in for an unknown email is not slower than the next ones.
  void (await import('@/lib/auth/password')).dummyHash();
  const { env } = await import('@/lib/env');
  if (!env().DATABASE_URL) return;
  // Links audit rows written outside route handlers (jobs, CLI runs) into the chain.
  const { startAuditSealer } = await import('@/lib/audit/sealer');
  startAuditSealer();
  // Deletes raw events past the admin's retention period (never held accounts' events).
  if (env().RETENTION_SCHEDULE_HOURS > 0) {
    const { startRetentionSchedule } = await import('@/lib/cases/retention/schedule');
    const { pgPool } = await import('@/lib/db/client');
    startRetentionSchedule(pgPool, env().RETENTION_SCHEDULE_HOURS);
  }
  if (env().NODE_ENV === 'production') {
    const [{ warnIfAuditUnprotected }, { pgPool }] = await Promise.all([
      import('@/lib/db/audit-owner'),
      import('@/lib/db/client'),
    ]);
    void warnIfAuditUnprotected(pgPool()).catch((e) => console.warn('audit_log check failed', e));
  }
  if (env().EVIDENCE_WORKER === 'off') return;
  const { startExportWorker } = await import('@/lib/evidence/jobs/worker');
  startExportWorker();
}
