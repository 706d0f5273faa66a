import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withPgTransaction } from '@/lib/db/transaction';
import { loadDemoData } from '@/lib/bootstrap/demo-data';
import { verifyAuditChain } from '@/lib/audit/verify';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const dir = mkdtempSync(path.join(tmpdir(), 'dw-demo-'));
afterAll(async () => {
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('withPgTransaction', () => {
  it('commits on success and rolls back on a throw', async () => {
    await withPgTransaction(pool, (c) =>
      c.query(`INSERT INTO settings (key, value) VALUES ('tx.ok', '1')`),
    );
    await expect(
      withPgTransaction(pool, async (c) => {
        await c.query(`INSERT INTO settings (key, value) VALUES ('tx.bad', '1')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await pool.query(
      `SELECT key FROM settings WHERE key LIKE 'tx.%' ORDER BY key`,
    );
    expect(rows.map((r) => r.key)).toEqual(['tx.ok']);
  });
});

describe('demo loader', () => {
  it('loads the scenario once, detects, audits, and is a no-op the second time', async () => {
    const logs: string[] = [];
    await loadDemoData(pool, '', {
      accounts: 150,
      events: 4000,
      dataDir: dir,
      log: (m) => logs.push(m),
    });
    const n = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    const events = await n('SELECT count(*)::int AS n FROM events');
    expect(events).toBeGreaterThan(3500);
    expect(await n('SELECT count(*)::int AS n FROM account_score')).toBe(150);
    expect(await n(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.load'`)).toBe(1);
    expect(logs.some((l) => l.includes('ready after'))).toBe(true);
    await loadDemoData(pool, '', { accounts: 150, events: 4000, dataDir: dir });
    expect(await n('SELECT count(*)::int AS n FROM events')).toBe(events);
    expect(await n(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.load'`)).toBe(1);
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });
});
