import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAudit } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { verifyAuditChain } from '@/lib/audit/verify';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

async function append(n: number) {
  // release in finally so a failure never leaves the pool hanging at teardown
  for (let i = 0; i < n; i++) {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await writeAudit(pgRunner(c), {
        actor: { id: 'u1', email: 'a@x' },
        action: 'demo.load',
        targetType: 'thing',
        targetId: String(i),
        after: { i, nested: { b: 1, a: [1, 2] } },
      });
      await c.query('COMMIT');
    } finally {
      c.release();
    }
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
      targetType: 't',
    });
    await c.query('ROLLBACK');
    c.release();
    expect((await pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(pool.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('names the first tampered row when the trigger is bypassed', async () => {
    await pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await pool.query("UPDATE audit_log SET reason = 'tampered' WHERE id = 3");
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    const r = await verifyAuditChain(pool);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.id).toBe('3');
    // put it back so later tests see a valid chain
    await pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await pool.query('UPDATE audit_log SET reason = NULL WHERE id = 3');
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect((await verifyAuditChain(pool)).ok).toBe(true);
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
        targetType: 't',
        after: { ok: true },
      }),
    );
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
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
    const original = (await pool.query('SELECT after FROM audit_log WHERE id = 2')).rows[0].after;
    await pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await pool.query('UPDATE audit_log SET after = \'{"i": 999}\'::jsonb WHERE id = 2');
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('BROKEN at row id 2');
    await pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await pool.query('UPDATE audit_log SET after = $1 WHERE id = 2', [original]);
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(run().status).toBe(0);
  });
});
