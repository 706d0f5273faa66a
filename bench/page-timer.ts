/** p50/p95 of `runs` sequential calls after one untimed warm-up (caches, connection pool). */
export async function timeRuns(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; runs: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), runs };
}
