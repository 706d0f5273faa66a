import type { Pool } from 'pg';

/**
 * Runs independent queries in parallel on a Pool (separate connections), one after the other on
 * a single client (a replay's transaction: pg deprecates overlapping queries on one client).
 */
export async function runAll<T extends readonly unknown[]>(
  db: Pick<Pool, 'query'>,
  thunks: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const isClient = 'release' in db;
  if (!isClient) return (await Promise.all(thunks.map((t) => t()))) as unknown as T;
  const out: unknown[] = [];
  for (const t of thunks) out.push(await t());
  return out as unknown as T;
}
