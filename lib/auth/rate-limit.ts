import type { PoolClient } from 'pg';
import { env } from '@/lib/env';
import { pgPool } from '@/lib/db/client';
import { withPgTransaction } from '@/lib/db/transaction';

// Sign-in throttle per account and per client address (lib/security/client.ts), kept in Postgres
// so it holds across server processes and restarts (issue #12, defect 6):
// - An attempt is counted before its password is verified, under a row lock: of 20 parallel
//   guesses at most LOGIN_MAX_FAILURES are verified, the rest are refused unverified.
// - After LOGIN_MAX_FAILURES attempts without success (LOGIN_MAX_FAILURES_PER_IP for an address:
//   offices share one) each further attempt waits: LOGIN_DELAY_SECONDS, doubling per attempt, at
//   most LOGIN_LOCK_MINUTES. An attacker gets a handful of guesses an hour; the owner of the
//   account waits seconds to minutes, not a fixed quarter of an hour, and an admin can unlock.
// - A success clears the account's count and takes its own attempt back off the address's count.
// - A key quiet for LOGIN_LOCK_MINUTES starts afresh.

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [accountKey(email)];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;

function limits() {
  const e = env();
  return {
    max: (key: string) =>
      key.startsWith('ip:') ? e.LOGIN_MAX_FAILURES_PER_IP : e.LOGIN_MAX_FAILURES,
    baseMs: e.LOGIN_DELAY_SECONDS * 1000,
    capMs: e.LOGIN_LOCK_MINUTES * 60_000,
  };
}

/** The wait after the `count`-th attempt without success (none below the limit). */
export function delayMs(count: number, max: number, baseMs: number, capMs: number): number {
  if (count < max) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(30, count - max));
}

type Row = { key: string; failures: number; last_attempt_at: Date; locked_until: Date | null };

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt for every key, or refuses it (counting nothing) while a key must wait. */
export async function admitAttempt(keys: string[]): Promise<Admission> {
  const { max, baseMs, capMs } = limits();
  const sorted = [...new Set(keys)].sort(); // one lock order: no deadlock between two attempts
  return withPgTransaction(pgPool(), async (c) => {
    await c.query(
      `INSERT INTO auth_throttle (key, failures, last_attempt_at)
       SELECT unnest($1::text[]), 0, now() ON CONFLICT (key) DO NOTHING`,
      [sorted],
    );
    const now = await dbNow(c);
    const { rows } = await c.query<Row>(
      'SELECT * FROM auth_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE',
      [sorted],
    );
    const waitMs = Math.max(0, ...rows.map((r) => (r.locked_until?.getTime() ?? 0) - now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const r of rows) {
      const quiet = now - r.last_attempt_at.getTime() > capMs;
      const count = (quiet ? 0 : r.failures) + 1;
      const wait = delayMs(count, max(r.key), baseMs, capMs);
      await c.query(
        `UPDATE auth_throttle SET failures = $2, last_attempt_at = now(),
           locked_until = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3::int / 1000.0) END
         WHERE key = $1`,
        [r.key, count, wait],
      );
    }
    return { allowed: true };
  });
}

async function dbNow(c: PoolClient): Promise<number> {
  const { rows } = await c.query<{ now: Date }>('SELECT now() AS now');
  return rows[0]!.now.getTime();
}

/** A successful sign-in: the account starts afresh; the address gets this attempt back. */
export async function settleSuccess(keys: string[]): Promise<void> {
  const { max } = limits();
  const [acct, ...others] = keys;
  await pgPool().query('DELETE FROM auth_throttle WHERE key = $1', [acct]);
  for (const key of others)
    await pgPool().query(
      `UPDATE auth_throttle SET failures = greatest(failures - 1, 0),
         locked_until = CASE WHEN failures - 1 >= $2 THEN locked_until END
       WHERE key = $1`,
      [key, max(key)],
    );
}

/** An admin's unlock: the account's count is cleared; returns the count it had. */
export async function clearAccount(
  run: (sql: string, params: unknown[]) => Promise<Array<{ failures: number }>>,
  email: string,
): Promise<number> {
  const rows = await run('DELETE FROM auth_throttle WHERE key = $1 RETURNING failures', [
    accountKey(email),
  ]);
  return rows[0]?.failures ?? 0;
}
