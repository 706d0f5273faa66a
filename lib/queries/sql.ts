import 'server-only';
import { pgPool } from '@/lib/db/client';

// Read models use plain parameterised SQL over the pg pool: set-based aggregates over rollups are
// clearer in SQL than in Prisma's builder, and the pool is the one shared client (lib/db/client.ts).
export async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const r = await pgPool().query(sql, params);
  return r.rows as T[];
}

export async function one<T>(sql: string, params: unknown[] = []): Promise<T | null> {
  const r = await rows<T>(sql, params);
  return r[0] ?? null;
}
