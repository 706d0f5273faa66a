import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgRunner } from '@/lib/audit/runners';
import { sealAuditChain } from '@/lib/audit/seal';
import { verifyAuditChain } from '@/lib/audit/verify';
import { writeAudit } from '@/lib/audit/write';
import { withPgTransaction } from '@/lib/db/transaction';

// The chain is linked after commit by the sealer: writers never wait for each other, sealers never
// fork the chain, a rolled-back row leaves no hole, and a row edited before it is sealed is
// neither absorbed by the chain nor missed by verify.

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 12 });
afterAll(() => pool.end());

const entry = (tag: string) => ({
  actor: { id: null, email: 'sealer@x' },
  action: 'demo.load' as const,
  targetType: 'setting',
  targetId: tag,
  after: { seed: 1, events: 2, accounts: 3, at: new Date().toISOString() },
});
const write = (tag: string) => withPgTransaction(pool, (c) => writeAudit(pgRunner(c), entry(tag)));
const places = async () =>
  (
    await pool.query<{ seq: string }>(
      'SELECT seq::text AS seq FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq',
    )
  ).rows.map((r) => Number(r.seq));

describe('audit sealer', () => {
  it('an open audited transaction does not hold up another writer (no chain lock at write)', async () => {
    const slow = await pool.connect();
    try {
      await slow.query('BEGIN');
      await writeAudit(pgRunner(slow), entry('slow'));
      // With the lock held until commit, this would wait for `slow` forever.
      const fast = await Promise.race([
        write('fast').then(() => 'committed'),
        new Promise((r) => setTimeout(() => r('blocked'), 3000)),
      ]);
      expect(fast).toBe('committed');
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
  });

  it('concurrent writers and sealers give one gap-free chain; a rolled-back row leaves no hole', async () => {
    const c = await pool.connect();
    await c.query('BEGIN');
    await writeAudit(pgRunner(c), entry('rolled-back'));
    await c.query('ROLLBACK');
    c.release();
    await Promise.all([
      ...Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 4; i++) await write(`w${w}-${i}`);
      }),
      ...Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 4; i++) await sealAuditChain(pool);
      }),
    ]);
    await sealAuditChain(pool);
    const seqs = await places();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const total = (await pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(seqs).toHaveLength(total);
    const r = await verifyAuditChain(pool);
    expect(r).toMatchObject({ ok: true, pending: 0, rows: total });
  });

  it('refuses a second row linked to the same predecessor, and any change to a sealed row', async () => {
    await write('x');
    await sealAuditChain(pool);
    const [a, b] = (
      await pool.query(
        `SELECT id::text AS id, prev_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 2`,
      )
    ).rows;
    await expect(
      pool.query(`UPDATE audit_log SET reason = 'edited' WHERE id = $1`, [a.id]),
    ).rejects.toThrow(/append-only/);
    // Even with the guard off (an attacker with DB rights), the unique link refuses a fork.
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await expect(
        c.query(`UPDATE audit_log SET prev_hash = $1 WHERE id = $2`, [b.prev_hash, a.id]),
      ).rejects.toThrow(/audit_log_prev_hash_key/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('stops at a row edited before it was sealed, and verify names it', async () => {
    const first = await write('edited-early');
    await write('after-it');
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await c.query(`UPDATE audit_log SET reason = 'rewritten' WHERE id = $1`, [first.id]);
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const s = await sealAuditChain(pool);
    expect(s).toEqual({ sealed: 0, stalledAt: first.id });
    const unsealed = await pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL AND target_id IN ('edited-early', 'after-it')`,
    );
    expect(unsealed.rows[0].n).toBe(2);
    const r = await verifyAuditChain(pool);
    expect(r.ok).toBe(false);
    expect(r.firstBad).toEqual({
      id: first.id,
      problem: 'row content does not match its row_hash (not sealed yet)',
    });
  });
});
