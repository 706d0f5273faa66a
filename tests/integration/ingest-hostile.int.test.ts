import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { freshDb } from './ingest-snapshot';

// Issue #12, defect 5: four hostile but valid-looking lines in a 2,000-line file used to land 0
// events (a 2,048-character CJK user agent overflowed the account_indicator btree; an IPv6 zone
// id passed Node's isIP but not Postgres's inet; an unknown key with a lone surrogate and a NUL
// broke the quarantine insert itself). Every good line must land, on the COPY path and on the
// batched-insert path (PGlite's), with the bad ones quarantined by line number.
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.drop());

const ev = (i: number, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `h-${i}`,
    ts: `2026-10-02T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
    account_id: `acct-${i % 20}`,
    model: 'm1',
    ip: `10.0.0.${i % 250}`,
    user_agent: 'httpx/0.28',
    prompt: `hello world ${i}, explain step by step`,
    ...more,
  });

function hostileFile(): string {
  const lines: string[] = [];
  for (let i = 1; i <= 2000; i++) {
    if (i === 500) lines.push(ev(i, { user_agent: '漢'.repeat(2048) }));
    else if (i === 900) lines.push(ev(i, { ip: 'fe80::1%eth0' }));
    else if (i === 1300) lines.push(ev(i).slice(0, -1) + ',"\\ud800x":"a\\u0000b"}');
    else if (i === 1700) lines.push(ev(i, { prompt: 'x'.repeat(300_000) }));
    else lines.push(ev(i));
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dw-hostile-')), 'hostile.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe.each([
  ['COPY', true],
  ['batched inserts', false],
])('four hostile lines (%s)', (_name, useCopy) => {
  it('land every valid line and quarantine the two invalid ones by line number', async () => {
    await db.pool.query('TRUNCATE events, quarantine, account_indicator');
    const s = await ingestEvents(hostileFile(), { pool: db.pool, batchSize: 700, useCopy });
    // The long user agent and the 300 kB prompt are valid input: they land.
    expect(s).toMatchObject({ lines: 2000, accepted: 1998, rejected: 2 });
    expect(s.errors.map((e) => e.line)).toEqual([900, 1300]);
    expect(s.errors[0]).toMatchObject({ field: 'ip' });
    expect(s.errors[0].reason).toMatch(/zone id/);
    expect(s.errors[1].reason).toMatch(/NUL/);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(rows[0].n).toBe(1998);
    const q = await db.pool.query('SELECT line_no FROM quarantine ORDER BY line_no');
    expect(q.rows.map((r) => r.line_no)).toEqual([900, 1300]);
    // The long user agent links accounts by its hash instead of overflowing the index.
    const ua = await db.pool.query<{ value: string }>(
      `SELECT value FROM account_indicator WHERE account_id = 'acct-0' AND kind = 'user_agent'
       ORDER BY value`,
    );
    expect(ua.rows.map((r) => r.value)).toEqual([
      'httpx/0.28',
      expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    ]);
  });
});
