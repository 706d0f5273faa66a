import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { recordAccessDenied } from '@/lib/audit/access-denied';
import type { SessionUser } from '@/lib/auth/permissions';

// Issue #12: a client hammering a forbidden route must not fill the audit log. 'access.denied'
// rows are rate-limited per user (lib/audit/denial-limit.ts); the refusals beyond the limit are
// counted and the count lands in the next window's first row. Real Postgres, parallel refusals.
const mallory: SessionUser = { id: 'u-mal', email: 'mal@x.test', name: 'Mal', role: 'analyst' };
const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
const deny = (u: SessionUser, i: number) =>
  recordAccessDenied(
    u,
    { method: 'GET', nextUrl: { pathname: '/api/v1/audit' } },
    'audit:view',
    `r-${i}`,
  );
const rowsOf = async (actor: string) =>
  (
    await pgPool().query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_log WHERE action = 'access.denied' AND actor_id = $1 ORDER BY id`,
      [actor],
    )
  ).rows.map((r) => r.after);
afterAll(() => closeDb());

describe('access.denied rate limit', () => {
  const { ACCESS_DENIED_AUDIT_MAX: max, ACCESS_DENIED_AUDIT_WINDOW_SECONDS: windowS } = env();

  it('100 parallel refusals write at most max + 1 rows; the last says the rest are counted', async () => {
    expect(max).toBeLessThan(99);
    await Promise.all(Array.from({ length: 100 }, (_, i) => deny(mallory, i)));
    const rows = await rowsOf('u-mal');
    expect(rows).toHaveLength(max + 1);
    // The 21 transactions commit in any order: exactly one row carries the notice.
    const notices = rows.filter((a) => 'suppressing' in a);
    expect(notices).toEqual([
      expect.objectContaining({ suppressing: { max, window_seconds: windowS } }),
    ]);
    const { rows: t } = await pgPool().query(
      `SELECT denials, carried FROM access_denied_throttle WHERE key = 'user:u-mal'`,
    );
    expect(t).toEqual([{ denials: 100, carried: 0 }]);
  });

  it('another user is not limited by the first one', async () => {
    await deny(ana, 0);
    expect(await rowsOf('u-ana')).toEqual([
      { method: 'GET', path: '/api/v1/audit', permission: 'audit:view', role: 'analyst' },
    ]);
  });

  it("the next window's first row carries how many were suppressed, then counting starts afresh", async () => {
    await pgPool().query(
      `UPDATE access_denied_throttle SET window_start = window_start - make_interval(secs => $1)
        WHERE key = 'user:u-mal'`,
      [windowS + 1],
    );
    await deny(mallory, 100);
    await deny(mallory, 101);
    const rows = await rowsOf('u-mal');
    expect(rows).toHaveLength(max + 3);
    expect(rows[max + 1]).toMatchObject({ suppressed_before: 100 - (max + 1) });
    expect(rows[max + 2]).not.toHaveProperty('suppressed_before');
    const { rows: t } = await pgPool().query(
      `SELECT denials, carried FROM access_denied_throttle WHERE key = 'user:u-mal'`,
    );
    expect(t).toEqual([{ denials: 2, carried: 100 - (max + 1) }]);
  });
});
