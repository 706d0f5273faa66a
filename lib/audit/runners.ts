import type { PoolClient } from 'pg';
import type { Tx } from '@/lib/db/client';
import type { SqlRunner } from './write';

/** Adapts a pg client (inside BEGIN … COMMIT) to the audit writer. */
export function pgRunner(client: PoolClient): SqlRunner {
  return {
    async query<R>(sql: string, params: unknown[]) {
      return (await client.query(sql, params)).rows as R[];
    },
  };
}

/** Adapts a Prisma interactive transaction. The SQL is constant and parameterised. */
export function prismaRunner(tx: Tx): SqlRunner {
  return {
    async query<R>(sql: string, params: unknown[]) {
      return (await tx.$queryRawUnsafe(sql, ...params)) as R[];
    },
  };
}
