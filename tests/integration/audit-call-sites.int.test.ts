import { beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { createUser, updateUser } from '@/lib/users/users';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { upsertOidcUser } from '@/lib/auth/oidc';
import { createIngestToken, revokeIngestToken } from '@/lib/ingest/tokens';
import { revertDetectSettings, updateDetectSettings } from '@/lib/detect/settings-store';

// The call sites no other integration test reaches, run for real: writeAudit checks every row
// against the catalogue (lib/audit/actions.ts), so a payload a call site writes that its schema
// does not accept fails here. (Annotations, reveal, saved views, ingest, detection and queues are
// run by their own integration tests.)
const admin = { id: 'u-admin', email: 'admin@x.test' };

function change<T>(fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, (e) => writeAudit(prismaRunner(tx), { ...e, actor: admin }).then(() => undefined)),
  );
}

async function actionsWritten(): Promise<Set<string>> {
  const { rows } = await pgPool().query<{ action: string }>(
    'SELECT DISTINCT action FROM audit_log',
  );
  return new Set(rows.map((r) => r.action));
}

beforeAll(() => {
  process.env.OIDC_ISSUER = 'http://127.0.0.1:1/oidc';
  process.env.OIDC_CLIENT_ID = 'dw';
  process.env.OIDC_CLIENT_SECRET = 'secret';
  process.env.LOGIN_MAX_FAILURES = '2';
  pointAtDatabase(process.env.DATABASE_URL!); // re-read the environment with these set
});

describe('audit call sites write what the catalogue declares', () => {
  it('users, sign-in, SSO, ingest tokens and detection settings', async () => {
    const password = 'correct-horse-battery';
    const u = await change((tx, audit) =>
      createUser(tx, audit, { email: 'ann@x.test', name: 'Ann', role: 'analyst', password }),
    );
    await change((tx, audit) => updateUser(tx, audit, admin.id, u.id, { name: 'Ann A.' }));
    await change((tx, audit) =>
      updateUser(tx, audit, admin.id, u.id, { password: 'another-long-one', reason: 'reset' }),
    );
    await signInWithPassword('ann@x.test', 'another-long-one', '10.0.0.1');
    for (let i = 0; i < 2; i++)
      await expect(signInWithPassword('ann@x.test', 'wrong', '10.0.0.2')).rejects.toThrow();
    await expect(signInWithPassword('ann@x.test', 'wrong', '10.0.0.2')).rejects.toThrow(
      /Too many failed/,
    );
    await upsertOidcUser({ sub: 'sso-1', email: 'sso@x.test', distill_watch_role: 'legal' });
    await upsertOidcUser({ sub: 'sso-1', email: 'sso@x.test', distill_watch_role: 'admin' });

    const token = await change((tx, audit) =>
      createIngestToken(
        tx,
        audit,
        { name: 'ci', scopes: ['events'], expiresAt: new Date(Date.now() + 86_400_000) },
        admin.id,
      ),
    );
    await change((tx, audit) => revokeIngestToken(tx, audit, token.id));

    const v1 = await change((tx, audit) =>
      updateDetectSettings(tx, audit, admin.id, { accountThreshold: 0.65, note: 'tighter' }),
    );
    await change((tx, audit) =>
      updateDetectSettings(tx, audit, admin.id, { accountThreshold: 0.5, source: 'calibration' }),
    );
    await change((tx, audit) => revertDetectSettings(tx, audit, admin.id, { version: v1 }));

    const written = await actionsWritten();
    for (const action of [
      'user.create',
      'user.update',
      'user.update_password',
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_in_blocked',
      'auth.sign_in_oidc',
      'ingest_token.create',
      'ingest_token.revoke',
      'settings.detection.update',
      'settings.detection.revert',
    ] satisfies (keyof typeof AUDIT_ACTIONS)[])
      expect(written, action).toContain(action);
  });
});
