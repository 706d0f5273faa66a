import type { Pool, PoolClient } from 'pg';
import { pgRunner } from '@/lib/audit/runners';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { withPgTransaction } from '@/lib/db/transaction';
import type { Db } from '@/lib/queues/db';

// Shared by the queue integration tests: users, flags with the attributes filters read, and a
// `change` that runs a lib/queues function in one pg transaction with its audit rows.

export const user = (id: string, role: SessionUser['role'] = 'analyst'): SessionUser => ({
  id,
  email: `${id}@x.test`,
  name: id,
  role,
});

export async function seedUsers(pool: Pool, users: SessionUser[]) {
  for (const u of users)
    await pool.query(
      `INSERT INTO users (id, email, name, role) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [u.id, u.email, u.name, u.role],
    );
}

export interface FlagSeed {
  kind: 'account' | 'cluster';
  id: string;
  risk: number;
  reasons?: string[];
  country?: string;
  models?: string[];
  members?: string[];
}

export async function seedFlags(pool: Pool, flags: FlagSeed[]) {
  for (const f of flags) {
    await pool.query(
      `INSERT INTO flags (subject_type, subject_id, risk, reasons) VALUES ($1, $2, $3, $4)`,
      [f.kind, f.id, f.risk, f.reasons ?? []],
    );
    const accounts = f.kind === 'account' ? [f.id] : (f.members ?? []);
    for (const a of accounts) {
      await pool.query(
        `INSERT INTO accounts (account_id, country) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [a, f.country ?? null],
      );
      for (const m of f.models ?? [])
        await pool.query(
          `INSERT INTO account_indicator (account_id, kind, value, first_ts, last_ts)
           VALUES ($1, 'model', $2, now(), now()) ON CONFLICT DO NOTHING`,
          [a, m],
        );
    }
    if (f.kind === 'cluster') {
      await pool.query(
        `INSERT INTO clusters (id, risk, flagged, members, events, reasons, contributions, features, indicators, run_id)
         VALUES ($1, $2, true, $3, 0, '{}', '{}', '{}', '{}', 0)`,
        [f.id, f.risk, accounts.length],
      );
      for (const a of accounts)
        await pool.query(`INSERT INTO cluster_members (account_id, cluster_id) VALUES ($1, $2)`, [
          a,
          f.id,
        ]);
    }
  }
}

/** Runs `fn` in one transaction on its own pooled connection, audited as `actor`. */
export function change<T>(
  pool: Pool,
  actor: SessionUser,
  fn: (db: Db, audit: AuditFn, client: PoolClient) => Promise<T>,
): Promise<T> {
  return withPgTransaction(pool, async (client) => {
    const db = pgRunner(client);
    const audit: AuditFn = (e) =>
      writeAudit(db, { ...e, actor: { id: actor.id, email: actor.email } }).then(() => undefined);
    return fn(db, audit, client);
  });
}
