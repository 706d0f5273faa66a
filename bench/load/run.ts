import autocannon from 'autocannon';

export interface Bounds {
  connections: number;
  /** most requests */
  amount: number;
  /** most seconds */
  duration: number;
}

/**
 * One autocannon run bounded by both --amount and --duration (autocannon itself ignores
 * `duration` when `amount` is set), and stopped early when `until` settles (the ingest beside it
 * has answered). Resolves with autocannon's result for what ran.
 */
export function boundedRun(
  opts: autocannon.Options,
  b: Bounds,
  until?: Promise<unknown>,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const instance = autocannon(
      { ...opts, connections: b.connections, amount: b.amount },
      (err, result) => {
        finished = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(result);
      },
    );
    const stop = () => finished || instance.stop();
    const timer = setTimeout(stop, b.duration * 1000);
    void until?.finally(stop);
  });
}

/**
 * Between runs: requests a stopped run left in flight are still being served. Waits (at most
 * 120 s) until the sign-in page answers within a second, so the next run starts on a server that
 * has drained them.
 */
export async function settle(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    const ok = await fetch(`${base}/login`, { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && performance.now() - t0 < 1000) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
