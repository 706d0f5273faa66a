import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { generateFlatEvents, writeNdjson } from '@/lib/scenario/flat';
import { freshDb, snapshot } from './ingest-snapshot';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-ingest-'));
const file = path.join(dir, 'events.ndjson');
let db: Awaited<ReturnType<typeof freshDb>>;
let first3000: Awaited<ReturnType<typeof snapshot>>; // the database after the first test, for comparisons
beforeAll(async () => {
  await writeNdjson(file, generateFlatEvents({ events: 3000, accounts: 25, seed: 11 }));
  db = await freshDb();
});
afterAll(() => db.drop());

describe('ingest events', () => {
  it('ingests a file, and re-ingesting it changes nothing (rows and rollups)', async () => {
    const a = await ingestEvents(file, { pool: db.pool, batchSize: 700, lanes: 1 });
    expect(a).toMatchObject({
      lines: 3000,
      accepted: 3000,
      duplicates: 0,
      rejected: 0,
      format: 'ndjson',
    });
    expect(a.batches).toEqual({ direct: 5, staged: 0 }); // all new: straight into events by COPY
    const first = await snapshot(db.pool);
    first3000 = first;
    expect(first.events[0]).toMatchObject({ n: 3000, ids: 3000, extra: 60, prompts: 3000 });
    const sums = (
      await db.pool
        .query(`SELECT sum(events)::int AS e, sum((SELECT sum(h) FROM unnest(hour_hist) h))::int AS h,
      sum(gap_n)::int AS g, count(DISTINCT account_id)::int AS a FROM account_daily`)
    ).rows[0];
    expect(sums.e).toBe(3000);
    expect(sums.h).toBe(3000);
    expect(sums.g).toBe(3000 - sums.a); // every event but each account's first has a predecessor
    const models = (
      await db.pool.query(`SELECT
      (SELECT count(*) FROM (SELECT DISTINCT account_id, model FROM events) e)::int AS want,
      (SELECT count(*) FROM account_indicator WHERE kind = 'model')::int AS got,
      (SELECT coalesce(sum(events), 0) FROM account_indicator WHERE kind = 'model')::int AS n`)
    ).rows[0];
    expect(models.got).toBeGreaterThan(0);
    expect(models).toEqual({ want: models.got, got: models.got, n: 3000 }); // one row per account and model used
    const again = await ingestEvents(file, { pool: db.pool, batchSize: 1100, lanes: 1 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 3000, rejected: 0 });
    expect(again.batches).toEqual({ direct: 0, staged: 3 }); // the direct COPY hit the key, the staged merge skipped it
    expect(await snapshot(db.pool)).toEqual(first);
    const audit = await db.pool.query(
      `SELECT after FROM audit_log WHERE action = 'ingest.run' AND target_id = $1`,
      [again.runId],
    );
    expect(audit.rows[0].after).toMatchObject({ accepted: 0, duplicates: 3000, status: 'done' });
  });

  it('a batch mixing new rows, known rows and a repeated line inserts each new row once', async () => {
    const known = readFileSync(file, 'utf8').split('\n').slice(100, 105);
    const fresh = [
      ...generateFlatEvents({ events: 10, accounts: 25, seed: 12, start: '2026-12-20T00:00:00Z' }),
    ].map((e) => JSON.stringify(e));
    const mixed = path.join(dir, 'mixed.ndjson');
    writeFileSync(
      mixed,
      [fresh[0], ...known.slice(0, 2), ...fresh.slice(1), fresh[3], ...known.slice(2)].join('\n') +
        '\n',
    );
    const before = (await db.pool.query('SELECT sum(events)::int AS n FROM account_daily')).rows[0]
      .n as number;
    const r = await ingestEvents(mixed, { pool: db.pool, lanes: 1 });
    expect(r).toMatchObject({
      lines: 16,
      accepted: 10,
      duplicates: 6,
      rejected: 0,
      batches: { direct: 0, staged: 1 },
    });
    const after = await db.pool.query(
      `SELECT (SELECT sum(events)::int FROM account_daily) AS daily, (SELECT count(*)::int FROM events) AS events,
      (SELECT count(*)::int FROM events WHERE run_id = $1) AS mine`,
      [r.runId],
    );
    expect(after.rows[0]).toEqual({ daily: before + 10, events: 3010, mine: 10 });
  });

  it('gives the same rows and rollups from a gzip copy of the file, in 3 parallel lanes (new database)', async () => {
    const gz = path.join(dir, 'events.data'); // no telling extension: gzip and NDJSON are sniffed
    writeFileSync(gz, gzipSync(readFileSync(file)));
    const other = await freshDb();
    try {
      const s = await ingestEvents(gz, { pool: other.pool, batchSize: 400, lanes: 3 }); // vs 1 lane above
      expect(s).toMatchObject({ accepted: 3000, rejected: 0 });
      expect(await snapshot(other.pool)).toEqual(first3000);
    } finally {
      await other.drop();
    }
  });

  it('hash mode keeps only the prompt hash but the same features', async () => {
    const other = await freshDb();
    try {
      await ingestEvents(file, { pool: other.pool, promptStorage: 'hash' });
      const text = (
        await db.pool.query(
          `SELECT id, prompt, prompt_sha256, simhash::text, tax_bucket, reasoning FROM events WHERE id LIKE 'ev-11-%' ORDER BY id LIMIT 50`,
        )
      ).rows;
      const hashed = (
        await other.pool
          .query(`SELECT id, prompt, response, system_prompt, prompt_sha256, system_prompt_sha256, simhash::text, tax_bucket, reasoning
        FROM events ORDER BY id LIMIT 50`)
      ).rows;
      for (let i = 0; i < text.length; i++) {
        expect(hashed[i]).toMatchObject({
          id: text[i].id,
          prompt: null,
          response: null,
          system_prompt: null,
          simhash: text[i].simhash,
          tax_bucket: text[i].tax_bucket,
        });
        expect(hashed[i].prompt_sha256).toBe(
          createHash('sha256').update(text[i].prompt).digest('hex'),
        );
      }
      expect((await snapshot(other.pool)).daily).toEqual(first3000.daily);
    } finally {
      await other.drop();
    }
  });

  it('reads CSV with the contract column names, unknown columns into extra', async () => {
    const s = await ingestEvents('docs/samples/events.csv', { pool: db.pool });
    expect(s).toMatchObject({ format: 'csv', lines: 7, accepted: 6, rejected: 1 });
    expect(s.errors).toEqual([expect.objectContaining({ line: 5, field: 'ts' })]);
    const r = await db.pool.query(
      `SELECT extra FROM events WHERE run_id = $1 AND extra IS NOT NULL`,
      [s.runId],
    );
    expect(r.rows.map((x) => x.extra)).toContainEqual({ referrer: 'docs' });
  });

  it('ingests accounts with their indicators; a repeat is all duplicates', async () => {
    const s = await ingestAccounts('docs/samples/accounts.ndjson', { pool: db.pool });
    expect(s).toMatchObject({ lines: 5, accepted: 4, rejected: 1 });
    expect(s.errors[0]).toMatchObject({ line: 5, field: 'verified' });
    const ind = await db.pool.query(
      `SELECT value, count(*)::int AS n FROM account_indicator WHERE kind = 'payment' GROUP BY 1 ORDER BY 1`,
    );
    expect(ind.rows).toEqual([
      { value: 'pf-77e0', n: 1 },
      { value: 'pf-9a1c', n: 3 },
    ]);
    // the optional accepted ToS version is stored when the line has it (docs/ingest.md)
    const tos = await db.pool.query(
      `SELECT account_id, tos_version FROM accounts WHERE account_id IN ('acct-0', 'acct-1') ORDER BY 1`,
    );
    expect(tos.rows).toEqual([
      { account_id: 'acct-0', tos_version: '2026-03' },
      { account_id: 'acct-1', tos_version: null },
    ]);
    expect(await ingestAccounts('docs/samples/accounts.ndjson', { pool: db.pool })).toMatchObject({
      accepted: 0,
      duplicates: 4,
    });
  });
});
