import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { createUser, updateUser } from '@/lib/users/users';
import { changeOwnPassword } from '@/lib/users/own-password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { authOptions } from '@/lib/auth/options';
import {
  endAllSessions,
  liveSessionUser,
  newSessionClaims,
  revokeSession,
  type TokenClaims,
} from '@/lib/auth/sessions';
import { createAdminWithOneTimePassword } from '@/lib/users/create-admin';

// Issue #12 defect 6: a session (a stateless 12 h JWT) outlived a password reset, a role change,
// disabling and sign-out. Before the fix a token carried only the user id, so every check below
// that expects null found the user. Defect 1: a real database's first admin.
const admin = { id: 'u-admin', email: 'admin@x.test' };
const change = <T>(fn: (tx: Tx, audit: AuditFn) => Promise<T>) =>
  prisma.$transaction((tx) =>
    fn(tx, (e) => writeAudit(prismaRunner(tx), { ...e, actor: admin }).then(() => undefined)),
  );

let n = 0;
async function signedIn(password = 'first-password-1') {
  const email = `s${++n}@x.test`;
  const u = await change((tx, audit) =>
    createUser(tx, audit, { email, name: `S${n}`, role: 'analyst', password }),
  );
  const s = await signInWithPassword(email, password, null);
  return { id: u.id, email, claims: newSessionClaims(s.id, s.sessionVersion) as TokenClaims };
}
const live = async (c: TokenClaims) => (await liveSessionUser(c))?.id ?? null;

describe('session versions end earlier tokens', () => {
  it('a password reset by an admin, a role change and disabling each end the session', async () => {
    for (const edit of [
      { password: 'reset-by-admin-1' },
      { role: 'legal' as const },
      { disabled: true },
    ]) {
      const s = await signedIn();
      expect(await live(s.claims)).toBe(s.id);
      await change((tx, audit) => updateUser(tx, audit, admin.id, s.id, edit));
      expect(await live(s.claims), JSON.stringify(edit)).toBeNull();
    }
  });

  it('a rename keeps the session; a same-role "change" does not end it either', async () => {
    const s = await signedIn();
    await change((tx, audit) => updateUser(tx, audit, admin.id, s.id, { name: 'Renamed' }));
    await change((tx, audit) => updateUser(tx, audit, admin.id, s.id, { role: 'analyst' }));
    expect(await live(s.claims)).toBe(s.id);
  });

  it("changing one's own password ends the old session, and the new password signs in", async () => {
    const s = await signedIn();
    await expect(
      change((tx, audit) =>
        changeOwnPassword(tx, audit, s.id, {
          current_password: 'not-it',
          new_password: 'second-password-2',
        }),
      ),
    ).rejects.toMatchObject({ field: 'current_password' });
    expect(await live(s.claims)).toBe(s.id);
    await change((tx, audit) =>
      changeOwnPassword(tx, audit, s.id, {
        current_password: 'first-password-1',
        new_password: 'second-password-2',
      }),
    );
    expect(await live(s.claims)).toBeNull();
    const again = await signInWithPassword(s.email, 'second-password-2', null);
    expect(await live(newSessionClaims(again.id, again.sessionVersion))).toBe(s.id);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.must_change_password).toBe(false);
  });

  it('sign-out ends that session only; "end all sessions" ends every one', async () => {
    const s = await signedIn();
    const other = newSessionClaims(s.id, 0); // a second device
    await change((tx, audit) => revokeSession(tx, audit, s.claims, Date.now() / 1000 + 3600));
    expect(await live(s.claims)).toBeNull();
    expect(await live(other)).toBe(s.id);
    await change((tx, audit) => endAllSessions(tx, audit, s.id));
    expect(await live(other)).toBeNull();
    const { rows } = await pgPool().query(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('auth.sign_out', 'user.end_sessions')`,
      [s.id],
    );
    expect(rows.map((r) => r.action).sort()).toEqual(['auth.sign_out', 'user.end_sessions']);
  });

  it("next-auth's jwt callback strips a stale token, so the cookie it writes back is empty", async () => {
    const s = await signedIn();
    const jwt = authOptions().callbacks!.jwt!;
    const token = { ...s.claims, role: 'analyst' as const, email: s.email };
    const call = (t: typeof token) => jwt({ token: t } as Parameters<typeof jwt>[0]);
    expect(await call(token)).toMatchObject({ uid: s.id, sv: 0 });
    await change((tx, audit) => endAllSessions(tx, audit, s.id));
    const after = await call(token);
    expect(after).not.toHaveProperty('uid');
    expect(after).not.toHaveProperty('sid');
    expect(after).toMatchObject({ email: s.email });
  });
});

describe('users:create-admin', () => {
  it('creates an admin with a one-time password that must be changed, audited', async () => {
    const u = await createAdminWithOneTimePassword(pgPool(), { email: 'Ops@X.test', name: 'Ops' });
    expect(u.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const row = await prisma.user.findUniqueOrThrow({ where: { email: 'ops@x.test' } });
    expect(row).toMatchObject({ role: 'admin', must_change_password: true });
    const s = await signInWithPassword('ops@x.test', u.password, null);
    expect(s.role).toBe('admin');
    await expect(
      createAdminWithOneTimePassword(pgPool(), { email: 'ops@x.test', name: 'Again' }),
    ).rejects.toThrow(/exists/);
    const { rows } = await pgPool().query(
      `SELECT after FROM audit_log WHERE action = 'user.create' AND target_id = $1`,
      [u.id],
    );
    expect(rows[0].after).toMatchObject({ role: 'admin', must_change_password: true });
  });

  it('the npm script prints the password once and refuses a taken email', () => {
    const run = (...args: string[]) =>
      spawnSync(
        'npx',
        ['tsx', '--conditions=react-server', 'scripts/users-create-admin.ts', ...args],
        {
          encoding: 'utf8',
          env: { ...process.env },
        },
      );
    const ok = run('--email', 'cli-admin@x.test', '--name', 'CLI Admin');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/one-time password .*: [A-Za-z0-9_-]{24}\n/);
    const again = run('--email', 'cli-admin@x.test');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/cli-admin@x.test exists/);
    const bad = run('--email', 'not-an-email');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--email: must be an email address/);
  });
});
