import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAudit } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import type { AuditAction } from '@/lib/audit/actions';
import { withPgTransaction } from '@/lib/db/transaction';
import { verifyAuditChain } from '@/lib/audit/verify';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

const marker = (i: number) => ({
  seed: i,
  events: 10 * i,
  accounts: i,
  at: new Date().toISOString(),
});

/** Appends n rows and returns their ids (tests tamper with their own rows, never fixed ids). */
async function append(n: number, tag = 'chain'): Promise<string[]> {
  const ids: string[] = [];
  // release in finally so a failure never leaves the pool hanging at teardown
  for (let i = 0; i < n; i++) {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await writeAudit(pgRunner(c), {
        actor: { id: 'u1', email: 'a@x' },
        action: 'demo.load',
        targetType: 'setting',
        targetId: `${tag}-${i}`,
        after: marker(i),
      });
      await c.query('COMMIT');
      ids.push(r.id);
    } finally {
      c.release();
    }
  }
  return ids;
}

/** Runs `sql` on audit_log with its append-only trigger off: what an attacker with DB access does. */
async function behindTheAppsBack(sql: string, params: unknown[]) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query(sql, params);
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

describe('audit log', () => {
  it('chains rows and verifies', async () => {
    await append(5);
    const r = await verifyAuditChain(pool);
    expect(r.ok).toBe(true);
    expect(r.rows).toBeGreaterThanOrEqual(5);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 8 }, () => append(3)));
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });

  it('rolls back the audit row with the change', async () => {
    const before = (await pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const c = await pool.connect();
    await c.query('BEGIN');
    await writeAudit(pgRunner(c), {
      actor: { id: null, email: 'x' },
      action: 'demo.load',
      targetType: 'setting',
      after: marker(1),
    });
    await c.query('ROLLBACK');
    c.release();
    expect((await pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [id] = await append(1, 'guarded');
    await expect(
      pool.query("UPDATE audit_log SET action = 'x' WHERE id = $1", [id]),
    ).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log WHERE id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('names the first tampered row when the trigger is bypassed', async () => {
    await append(3, 'tamper');
    // The middle one of this test's own rows, found by query (other tests' rows come and go).
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id::text AS id FROM audit_log WHERE target_id = 'tamper-1'`,
    );
    const id = rows[0]!.id;
    await behindTheAppsBack(`UPDATE audit_log SET reason = 'tampered' WHERE id = $1`, [id]);
    const r = await verifyAuditChain(pool);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.id).toBe(id);
    // put it back so later tests see a valid chain
    await behindTheAppsBack('UPDATE audit_log SET reason = NULL WHERE id = $1', [id]);
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });

  it('refuses an action outside the catalogue or a payload its schema rejects, writing nothing', async () => {
    const count = async () =>
      (await pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n as number;
    const n = await count();
    const attempt = (entry: Parameters<typeof writeAudit>[1]) =>
      withPgTransaction(pool, (c) => writeAudit(pgRunner(c), entry));
    await expect(
      attempt({
        actor: { id: null, email: 'x' },
        action: 'case.shred' as AuditAction,
        targetType: 'case',
      }),
    ).rejects.toThrow(/unknown audit action "case.shred"/);
    await expect(
      attempt({
        actor: { id: null, email: 'x' },
        action: 'demo.load',
        targetType: 'setting',
        after: { ...marker(1), seed: 'one' },
      }),
    ).rejects.toThrow(/demo\.load: after\.seed/);
    expect(await count()).toBe(n);
  });
});

describe('audit through a Prisma transaction', () => {
  it('writes a verifiable row with the Prisma runner', async () => {
    const { prisma } = await import('@/lib/db/client');
    const { prismaRunner } = await import('@/lib/audit/runners');
    const r = await prisma.$transaction((tx) =>
      writeAudit(prismaRunner(tx), {
        actor: { id: null, email: 'p@x' },
        action: 'demo.load',
        targetType: 'setting',
        after: marker(2),
      }),
    );
    expect(r.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });
});

describe('npm run audit:verify', () => {
  const run = () =>
    spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/audit-verify.ts'], {
      env: { ...process.env },
      encoding: 'utf8',
    });

  it("exits 0 on an intact chain and 1 naming the row edited behind the app's back", async () => {
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/audit chain OK: \d+ rows/);
    const [id] = await append(1, 'cli');
    const original = (await pool.query('SELECT after FROM audit_log WHERE id = $1', [id])).rows[0]
      .after;
    await behindTheAppsBack(`UPDATE audit_log SET after = '{"seed": 999}'::jsonb WHERE id = $1`, [
      id,
    ]);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`BROKEN at row id ${id}`);
    await behindTheAppsBack('UPDATE audit_log SET after = $1 WHERE id = $2', [original, id]);
    expect(run().status).toBe(0);
  });
});
