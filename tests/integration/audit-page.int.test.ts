import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { recordAccessDenied } from '@/lib/audit/access-denied';
import { nameKey, resolveAuditNames } from '@/lib/audit/target-names';
import type { SessionUser } from '@/lib/auth/permissions';

// Issue 15, item 7 on a real Postgres: a refused request is recorded ('access.denied', checked
// against the catalogue by writeAudit) and the audit page names targets and actors.
const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana Lyst', role: 'analyst' };
afterAll(() => closeDb());

describe('audit page data', () => {
  it('records a refused request with method, path (no query), permission and role', async () => {
    await recordAccessDenied(
      ana,
      { method: 'GET', nextUrl: { pathname: '/api/v1/audit' } },
      'audit:view',
      'req-1',
    );
    const { rows } = await pgPool().query(
      `SELECT actor_id, target_type, target_id, after, request_id FROM audit_log WHERE action = 'access.denied'`,
    );
    expect(rows).toEqual([
      {
        actor_id: 'u-ana',
        target_type: 'route',
        target_id: '/api/v1/audit',
        after: { method: 'GET', path: '/api/v1/audit', permission: 'audit:view', role: 'analyst' },
        request_id: 'req-1',
      },
    ]);
  });

  it('names users, queues and saved views; unknown ids stay unnamed', async () => {
    await pgPool().query(
      `INSERT INTO users (id, email, name, role) VALUES ('u-ana', 'ana@x.test', 'Ana Lyst', 'analyst')`,
    );
    await pgPool().query(
      `INSERT INTO saved_views (id, user_id, page, name, query) VALUES ('v1', 'u-ana', 'accounts', 'hot', '?x=1')`,
    );
    const names = await resolveAuditNames([
      { target_type: 'saved_view', target_id: 'v1', actor_id: 'u-ana' },
      { target_type: 'user', target_id: 'u-ghost', actor_id: null },
      { target_type: 'account', target_id: 'acct-1', actor_id: null },
    ]);
    expect(names.get(nameKey('user', 'u-ana'))).toBe('Ana Lyst (ana@x.test)');
    expect(names.get(nameKey('saved_view', 'v1'))).toBe('View “hot” (accounts)');
    expect(names.has(nameKey('user', 'u-ghost'))).toBe(false);
    expect(names.has(nameKey('account', 'acct-1'))).toBe(false);
  });
});
