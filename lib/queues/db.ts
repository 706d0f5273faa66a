import 'server-only';
import type { SqlRunner } from '@/lib/audit/write';
import { pgPool, type Tx } from '@/lib/db/client';
import { prismaRunner } from '@/lib/audit/runners';

// lib/queues runs plain parameterised SQL through a SqlRunner, so the same functions serve a
// route's Prisma transaction (ctx.change) and detection's pg transaction.
export type Db = SqlRunner;
export const txDb = (tx: Tx): Db => prismaRunner(tx);

export async function one<T>(db: Db, sql: string, params: unknown[]): Promise<T | null> {
  return (await db.query<T>(sql, params))[0] ?? null;
}

/** Reads outside a transaction go straight to the shared pool. */
export const poolDb = (): Db => ({
  async query<R>(sql: string, params: unknown[]) {
    return (await pgPool().query(sql, params)).rows as R[];
  },
});
