import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { freshDb } from './ingest-snapshot';

// Issue #12, defect 5, the last line of defence: a row that passes validation but that the
// database refuses used to roll back its whole batch and fail the run (and every rerun). Such a
// row is made here with CHECK constraints only this test database has. The batch is split until
// the bad rows are found; they are quarantined with their line numbers, every other row lands.
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  db = await freshDb();
  await db.pool.query(
    `ALTER TABLE events ADD CONSTRAINT test_refuse_model CHECK (model <> 'refused-by-db')`,
  );
  await db.pool.query(
    `ALTER TABLE accounts ADD CONSTRAINT test_refuse_tier CHECK (tier IS DISTINCT FROM 'refused')`,
  );
});
afterAll(() => db.drop());

const BAD = [123, 1234, 1999];
const events = () =>
  Array.from({ length: 2000 }, (_, k) => {
    const i = k + 1;
    return JSON.stringify({
      id: `b-${i}`,
      ts: `2026-10-03T${String(Math.floor(i / 120) % 24).padStart(2, '0')}:00:${String(i % 60).padStart(2, '0')}.000Z`,
      account_id: `acct-b${i % 37}`,
      model: BAD.includes(i) ? 'refused-by-db' : 'm1',
      prompt: `question ${i} about tides`,
    });
  }).join('\n');
const stream = (text: string) => Readable.from([Buffer.from(text)]);

describe.each([
  ['COPY', true],
  ['batched inserts', false],
])('rows only the database refuses (%s)', (_name, useCopy) => {
  it('quarantines exactly those rows by line number and lands every other one', async () => {
    await db.pool.query(
      'TRUNCATE events, quarantine, account_daily, account_day_sets, account_indicator',
    );
    const s = await ingestEvents(stream(events()), {
      pool: db.pool,
      batchSize: 700,
      lanes: 2,
      useCopy,
    });
    expect(s).toMatchObject({ lines: 2000, accepted: 1997, duplicates: 0, rejected: 3 });
    expect(s.errors.map((e) => e.line).sort((a, b) => a - b)).toEqual(BAD);
    expect(s.errors[0].reason).toMatch(/refused by the database: .*test_refuse_model/);
    const n = await db.pool.query<{ n: number; d: number }>(
      'SELECT (SELECT count(*) FROM events)::int AS n, (SELECT sum(events) FROM account_daily)::int AS d',
    );
    expect(n.rows[0]).toEqual({ n: 1997, d: 1997 });
    const q = await db.pool.query<{ line_no: number; raw: string }>(
      'SELECT line_no, raw FROM quarantine WHERE run_id = $1 ORDER BY line_no',
      [s.runId],
    );
    expect(q.rows.map((r) => r.line_no)).toEqual(BAD);
    expect(JSON.parse(q.rows[0].raw)).toMatchObject({ id: 'b-123', model: 'refused-by-db' });
    const run = await db.pool.query(
      'SELECT lines, accepted, duplicates, rejected, status FROM ingest_runs WHERE id = $1',
      [s.runId],
    );
    expect(run.rows[0]).toEqual({
      lines: 2000,
      accepted: 1997,
      duplicates: 0,
      rejected: 3,
      status: 'done',
    });
  });

  it('does the same for accounts', async () => {
    const text = Array.from({ length: 300 }, (_, k) =>
      JSON.stringify({
        account_id: `acct-bis-${useCopy}-${k + 1}`,
        tier: k + 1 === 77 ? 'refused' : 'free',
      }),
    ).join('\n');
    const s = await ingestAccounts(stream(text), { pool: db.pool, useCopy, batchSize: 1000 });
    expect(s).toMatchObject({ lines: 300, accepted: 299, rejected: 1 });
    expect(s.errors).toEqual([
      expect.objectContaining({ line: 77, reason: expect.stringMatching(/test_refuse_tier/) }),
    ]);
  });
});

// Issue #12, defect 6: PROMPT_STORAGE=hash kept prompt text in quarantined lines, in their reasons
// (V8 quotes the text of a JSON syntax error) and in unknown fields (`extra`).
describe('PROMPT_STORAGE=hash', () => {
  it('keeps no prompt text in quarantine, extra or the audit row, and says what it hashed', async () => {
    const ev = (i: number, more: Record<string, unknown>) =>
      JSON.stringify({
        id: `hm-${i}`,
        ts: '2026-10-04T09:00:00.000Z',
        account_id: 'acct-hm',
        model: 'm1',
        prompt: `SECRET-PROMPT-${i} tell me`,
        ...more,
      });
    const text = [
      ev(1, { messages: [{ role: 'user', content: 'SECRET-IN-EXTRA' }], region: 'eu' }),
      ev(2, { input_tokens: 'many' }), // invalid: wrong type
      'SECRET-NOT-JSON and more words',
      ev(4, { model: 'refused-by-db' }), // refused by this database's CHECK
      `{"id": "hm-5", "prompt": "SECRET-CUT-JSON`,
    ].join('\n');
    const s = await ingestEvents(stream(text), { pool: db.pool, promptStorage: 'hash' });
    expect(s).toMatchObject({ lines: 5, accepted: 1, rejected: 4 });
    const dump = await db.pool.query<{ t: string }>(
      `SELECT concat_ws(' ', (SELECT string_agg(concat_ws(' ', raw, field, reason), ' ') FROM quarantine WHERE run_id = $1),
         (SELECT string_agg(coalesce(extra::text, '') || coalesce(prompt, ''), ' ') FROM events WHERE account_id = 'acct-hm'),
         (SELECT string_agg(after::text, ' ') FROM audit_log WHERE target_id = $1::text)) AS t`,
      [s.runId],
    );
    expect(dump.rows[0].t).toMatch(/sha256:[0-9a-f]{64}/);
    expect(dump.rows[0].t).not.toMatch(/SECRET/);
    const ex = await db.pool.query(`SELECT extra FROM events WHERE id = 'hm-1'`);
    expect(ex.rows[0].extra).toEqual({
      messages: [
        { role: expect.stringMatching(/^sha256:/), content: expect.stringMatching(/^sha256:/) },
      ],
      region: expect.stringMatching(/^sha256:/),
    });
    const q = await db.pool.query<{ line_no: number; raw: string; reason: string }>(
      'SELECT line_no, raw, reason FROM quarantine WHERE run_id = $1 ORDER BY line_no',
      [s.runId],
    );
    expect(q.rows.map((r) => r.line_no)).toEqual([2, 3, 4, 5]);
    expect(JSON.parse(q.rows[0].raw)).toMatchObject({ id: 'hm-2', input_tokens: 'many' });
    expect(q.rows[1].raw).toMatch(/^\(line withheld: PROMPT_STORAGE=hash; 30 characters/);
    expect(q.rows[1].reason).toMatch(/invalid JSON.*\(text withheld\)/);
  });
});
