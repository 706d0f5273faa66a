import { beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { createUser } from '@/lib/users/users';
import { unlockSignIn } from '@/lib/users/unlock';
import { signInWithPassword } from '@/lib/auth/sign-in';

// Issue #12 defect 6, sign-in throttling. Before the rework the lock was checked, the password
// verified and only then the failure counted: run against the old code, 20 parallel wrong guesses
// were all verified (limit 5, none refused); an unknown email skipped argon2 (answered in 15-22 ms,
// the audit write alone), which tells which emails exist; five failures locked for a fixed 15 min.
const admin = { id: 'u-admin', email: 'admin@x.test' };
const change = <T>(fn: (tx: Tx, audit: AuditFn) => Promise<T>) =>
  prisma.$transaction((tx) =>
    fn(tx, (e) => writeAudit(prismaRunner(tx), { ...e, actor: admin }).then(() => undefined)),
  );
const PASSWORD = 'right-password-1';
let n = 0;
async function user() {
  const email = `t${++n}@x.test`;
  const u = await change((tx, audit) =>
    createUser(tx, audit, { email, name: `T${n}`, role: 'analyst', password: PASSWORD }),
  );
  return { id: u.id, email };
}
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => (/Too many/.test(e.message) ? 'blocked' : 'wrong'),
  );
const lockSeconds = async (key: string) => {
  const { rows } = await pgPool().query(
    'SELECT extract(epoch FROM locked_until - now()) AS s FROM auth_throttle WHERE key = $1',
    [key],
  );
  return Number(rows[0]?.s ?? 0);
};

beforeAll(() => {
  process.env.LOGIN_MAX_FAILURES = '5';
  process.env.LOGIN_MAX_FAILURES_PER_IP = '8';
  process.env.LOGIN_DELAY_SECONDS = '30';
  process.env.LOGIN_LOCK_MINUTES = '15';
  pointAtDatabase(process.env.DATABASE_URL!);
});

describe('sign-in throttling', () => {
  it('20 parallel wrong guesses: exactly 5 are verified, 15 refused unverified', async () => {
    const u = await user();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(signInWithPassword(u.email, `guess-${i}`, null)),
      ),
    );
    expect(results.filter((r) => r === 'wrong')).toHaveLength(5);
    expect(results.filter((r) => r === 'blocked')).toHaveLength(15);
    const { rows } = await pgPool().query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE actor_email = $1 GROUP BY action`,
      [u.email],
    );
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toEqual({
      'auth.sign_in_failed': 5,
      'auth.sign_in_blocked': 15,
    });
    // Even the right password waits now.
    expect(await outcome(signInWithPassword(u.email, PASSWORD, null))).toBe('blocked');
  });

  it('delays grow (30 s, 60 s, 120 s …) instead of one 15-minute lock; an admin unlocks', async () => {
    const u = await user();
    const key = `acct:${u.email}`;
    for (let i = 0; i < 5; i++) await outcome(signInWithPassword(u.email, 'nope', null));
    const waits = [await lockSeconds(key)];
    for (let i = 0; i < 2; i++) {
      // The wait is over (moved into the past), and the next guess is wrong again.
      await pgPool().query(
        "UPDATE auth_throttle SET locked_until = now() - interval '1 second' WHERE key = $1",
        [key],
      );
      expect(await outcome(signInWithPassword(u.email, 'nope', null))).toBe('wrong');
      waits.push(await lockSeconds(key));
    }
    expect(waits.map((s) => Math.round(s / 10) * 10)).toEqual([30, 60, 120]);

    const cleared = await change((tx, audit) => unlockSignIn(tx, audit, u.id));
    expect(cleared.attempts).toBe(7);
    expect(await outcome(signInWithPassword(u.email, PASSWORD, null))).toBe('ok');
    const { rows } = await pgPool().query(
      `SELECT after FROM audit_log WHERE action = 'auth.unlock' AND target_id = $1`,
      [u.id],
    );
    expect(rows[0].after).toEqual({ email: u.email, attempts: 7 });
  });

  it('successful sign-ins from one address do not use up its limit', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < 10; i++) {
      const u = await user();
      expect(await outcome(signInWithPassword(u.email, PASSWORD, ip))).toBe('ok');
    }
    // Failures from that address still count, spread over accounts (limit 8 per address).
    const results: string[] = [];
    for (let i = 0; i < 9; i++)
      results.push(await outcome(signInWithPassword(`x${i}@x.test`, 'no', ip)));
    expect(results.slice(0, 8).every((r) => r === 'wrong')).toBe(true);
    expect(results[8]).toBe('blocked');
  });

  it('an unknown email takes as long as a wrong password (a dummy hash is verified)', async () => {
    const u = await user();
    const time = async (email: string) => {
      const t = performance.now();
      await outcome(signInWithPassword(email, 'wrong-password', null));
      return performance.now() - t;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(u.email));
      unknown.push(await time(`nobody-${i}@x.test`));
    }
    // Without the dummy hash the ratio was ~50 (no argon2 at all); noise on a busy machine stays
    // well inside a factor of 3.
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown)} ms / known ${median(known)} ms`).toBeGreaterThan(
      1 / 3,
    );
    expect(ratio).toBeLessThan(3);
  });
});
