import 'server-only';
import { pgPool } from '@/lib/db/client';
import { sealAuditChain } from './seal';

// One seal pass at a time per process, shared by every caller: twenty requests that commit
// together cost one or two passes, not twenty. A caller's rows are sealed once the promise it
// gets resolves (a pass that started after its commit). Errors are logged, never thrown: the
// change is already committed, and the next pass (or the timer) picks the rows up.

// Callers within BATCH_WINDOW_MS share one pass: under 20 concurrent claims the passes used to
// run back to back (six round trips each, the chain lock) and took CPU from the claims they seal.
const BATCH_WINDOW_MS = 20;
let running: Promise<void> | null = null;
/** The pass that has not started yet: every caller until it starts joins it. */
let next: Promise<void> | null = null;
let lastStall: string | undefined;

async function pass(): Promise<void> {
  try {
    const r = await sealAuditChain(pgPool());
    if (r.stalledAt && r.stalledAt !== lastStall)
      console.error(
        `audit sealer: row ${r.stalledAt} was changed before it was sealed; the chain stops there (npm run audit:verify)`,
      );
    lastStall = r.stalledAt;
  } catch (e) {
    console.error('audit sealer failed (retried on the next request or tick):', e);
  }
}

/** Seals what is committed now; resolves when a pass that started after this call is done. */
export function requestSeal(): Promise<void> {
  next ??= (async () => {
    await new Promise((r) => setTimeout(r, BATCH_WINDOW_MS));
    while (running) await running; // one pass at a time per process
    next = null; // from here on, a caller needs a pass that starts after it
    running = pass().finally(() => {
      running = null;
    });
    await running;
  })();
  return next;
}

/** The server's background pass for rows written outside route handlers (jobs, CLI runs). */
export function startAuditSealer(everyMs = 2000): void {
  const g = globalThis as { __dwAuditSealer?: NodeJS.Timeout };
  if (g.__dwAuditSealer) return;
  g.__dwAuditSealer = setInterval(() => void requestSeal(), everyMs);
  g.__dwAuditSealer.unref();
}
