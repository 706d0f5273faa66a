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
