import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/lib/bootstrap/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedDemoUsers } from '@/lib/bootstrap/seed-users';
import { verifyAuditChain } from '@/lib/audit/verify';

// The embedded default (PGlite over a socket): migrate + seed, stop with SIGINT as Ctrl-C does,
// start again on the same folder, and find everything intact.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-pglite-'));
const port = 55000 + (process.pid % 1000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded Postgres', () => {
  it('keeps data across a clean stop and restart', async () => {
    const first = await startEmbeddedPostgres(dir, port);
    const m = await migrate(first.url);
    expect(m.applied.length).toBeGreaterThan(1);
    let pool = new pg.Pool({ connectionString: first.url, max: 2 });
    expect(await seedDemoUsers(pool)).toBe(true);
    await pool.end();
    await first.stop();
    expect(first.child.exitCode ?? first.child.signalCode).not.toBeNull();

    const second = await startEmbeddedPostgres(dir, port);
    try {
      expect((await migrate(second.url)).applied).toEqual([]);
      pool = new pg.Pool({ connectionString: second.url, max: 2 });
      const { rows } = await pool.query('SELECT email, role FROM users ORDER BY email');
      expect(rows.map((r) => r.role).sort()).toEqual(['admin', 'analyst', 'legal']);
      expect(await seedDemoUsers(pool)).toBe(false);
      const chain = await verifyAuditChain(pool);
      expect(chain.ok).toBe(true);
      expect(chain.rows).toBe(3);
      await pool.end();
    } finally {
      await second.stop();
    }
  });
});
