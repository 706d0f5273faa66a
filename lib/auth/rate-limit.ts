import { env } from '@/lib/env';
import { pgPool } from '@/lib/db/client';

// Sign-in throttle per account and per client IP, kept in Postgres so it holds across server
// processes and restarts. After LOGIN_MAX_FAILURES failures for one account (or
// LOGIN_MAX_FAILURES_PER_IP from one address: higher, since offices share an IP) inside the lock
// window, the key is locked for LOGIN_LOCK_MINUTES.

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`acct:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

/** Minutes until the first locked key unlocks, or 0 when none is locked. */
export async function lockedMinutes(keys: string[]): Promise<number> {
  const r = await pgPool().query<{ until: Date }>(
    'SELECT max(locked_until) AS until FROM auth_throttle WHERE key = ANY($1) AND locked_until > now()',
    [keys],
  );
  const until = r.rows[0]?.until;
  return until ? Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)) : 0;
}

export async function recordFailure(keys: string[]): Promise<void> {
  const {
    LOGIN_MAX_FAILURES: perAccount,
    LOGIN_MAX_FAILURES_PER_IP: perIp,
    LOGIN_LOCK_MINUTES: lock,
  } = env();
  for (const key of keys) {
    const max = key.startsWith('ip:') ? perIp : perAccount;
    // A window older than the lock period restarts the count.
    await pgPool().query(
      `INSERT INTO auth_throttle (key, failures, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN auth_throttle.window_start < now() - make_interval(mins => $3::int)
                         THEN 1 ELSE auth_throttle.failures + 1 END,
         window_start = CASE WHEN auth_throttle.window_start < now() - make_interval(mins => $3::int)
                         THEN now() ELSE auth_throttle.window_start END,
         locked_until = CASE WHEN auth_throttle.window_start >= now() - make_interval(mins => $3::int)
                              AND auth_throttle.failures + 1 >= $2
                         THEN now() + make_interval(mins => $3::int) ELSE auth_throttle.locked_until END`,
      [key, max, lock],
    );
  }
}

export async function clearFailures(email: string): Promise<void> {
  await pgPool().query('DELETE FROM auth_throttle WHERE key = $1', [throttleKeys(email, null)[0]]);
}
