import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { freshDb } from './ingest-snapshot';

let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.drop());

const ev = (id: string, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    ts: '2026-10-03T12:00:00.000Z',
    account_id: 'acct-b',
    model: 'm',
    prompt: `please explain item ${id} step by step`,
    ...more,
  });

describe('broken lines', () => {
  it('ingests every good line and quarantines each bad one with its line number', async () => {
    const lines = [
      ev('good-1'), // 1
      '{"id": "x", "ts": ', // 2 bad JSON
      ev('bad-type', { output_tokens: 'many' }), // 3 wrong type
      JSON.stringify({ ts: '2026-10-03T12:00:00Z', account_id: 'a', model: 'm', prompt: 'p' }), // 4 missing id
      ev('huge', { prompt: 'x'.repeat(10 * 1024 * 1024) }), // 5 a 10 MB line
      ev('good-2'), // 6
      `{"id": "nul-raw", "ts": "2026-10-03T12:00:00Z", "account_id": "a", "model": "m", "prompt": "a\u0000b"}`, // 7 NUL byte
      ev('nul-escaped', { user_agent: 'ua\u0000' }), // 8 \u0000 escape
      ev('bad-ts-1', { ts: '2026-10-03T25:00:00Z' }), // 9 bad timestamps
      ev('bad-ts-2', { ts: '1712345678' }), // 10
      ev('bad-ts-3', { ts: '2026-10-03T12:00:00' }), // 11 no offset
      '', // 12 blank: skipped, not counted
      '[1, 2, 3]', // 13 not an object
      ev('good-3', { extra_field: { nested: true } }), // 14
      ev('bad-ip', { ip: '300.1.2.3' }), // 15
    ];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dw-broken-')), 'broken.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const s = await ingestEvents(file, { pool: db.pool, batchSize: 4 });
    expect(s).toMatchObject({ lines: 14, accepted: 3, duplicates: 0, rejected: 11 });
    expect(s.errors.map((e) => [e.line, e.field ?? null])).toEqual([
      [2, null],
      [3, 'output_tokens'],
      [4, 'id'],
      [5, null],
      [7, null],
      [8, 'user_agent'],
      [9, 'ts'],
      [10, 'ts'],
      [11, 'ts'],
      [13, null],
      [15, 'ip'],
    ]);
    for (const e of s.errors) expect(e.reason).toMatch(new RegExp(`^line ${e.line}: `));
    expect(s.errors[3].reason).toMatch(/longer than 1048576 bytes/);
    expect(s.errors[4].reason).toMatch(/NUL byte/);
    const q = await db.pool.query(
      `SELECT line_no, length(raw) AS len, truncated, field FROM quarantine WHERE run_id = $1 ORDER BY line_no`,
      [s.runId],
    );
    expect(q.rows).toHaveLength(11);
    const huge = q.rows.find((r) => r.line_no === 5);
    expect(huge).toMatchObject({ truncated: true });
    expect(huge.len).toBeLessThanOrEqual(4096);
    const ok = await db.pool.query(`SELECT id, extra FROM events ORDER BY id`);
    expect(ok.rows).toEqual([
      { id: 'good-1', extra: null },
      { id: 'good-2', extra: null },
      { id: 'good-3', extra: { extra_field: { nested: true } } },
    ]);
    const run = await db.pool.query(
      `SELECT status, lines, accepted, rejected FROM ingest_runs WHERE id = $1`,
      [s.runId],
    );
    expect(run.rows[0]).toEqual({ status: 'done', lines: 14, accepted: 3, rejected: 11 });
  });
});
