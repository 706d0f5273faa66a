import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@/lib/ingest';
import { freshDb } from './ingest-snapshot';

// Long prompts are compressed with lz4 on their way into events (lib/ingest/db.ts prepareSession):
// pglz cost about a sixth of the server's CPU for the events COPY. The stored text is the same.
let db: Awaited<ReturnType<typeof freshDb>>;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.drop());

describe('events written by the ingest', () => {
  it('compress long prompts with lz4 and read them back unchanged', async () => {
    const long = 'Explain the proof step by step, citing each lemma. '.repeat(120); // ~6 KB
    const lines = [1, 2, 3].map((i) =>
      JSON.stringify({
        id: `lz-${i}`,
        ts: `2026-10-02T10:00:0${i}.000Z`,
        account_id: 'acct-lz',
        model: 'm1',
        prompt: `${long} (${i})`,
      }),
    );
    const s = await ingestEvents(Readable.from([lines.join('\n') + '\n']), { pool: db.pool });
    expect(s.accepted).toBe(3);
    const { rows } = await db.pool.query<{ c: string; same: boolean }>(
      `SELECT pg_column_compression(prompt) AS c, prompt = $1 || ' (' || substr(id, 4) || ')' AS same
       FROM events WHERE account_id = 'acct-lz' ORDER BY id`,
      [long],
    );
    expect(rows).toEqual([1, 2, 3].map(() => ({ c: 'lz4', same: true })));
  });
});
