import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a pooled pg client: COMMIT when it resolves, ROLLBACK when it
 * throws, the client always released. The raw-SQL counterpart of `prisma.$transaction`, for code
 * that needs set-based SQL or COPY (detection results, ingest bookkeeping).
 */
export async function withPgTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * `work` in one transaction on a client the caller holds (and releases): for code that keeps one
 * connection across several transactions, e.g. under a session advisory lock (purge, ingest runs).
 */
export async function inClientTransaction<T>(
  client: PoolClient,
  work: () => Promise<T>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  await client.query(opts.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
  try {
    const r = await work();
    await client.query('COMMIT');
    return r;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
