import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeCopy, encodeCopyRow } from '@/lib/ingest/copy-text';
import { parseTimestamp, timestampIso } from '@/lib/ingest/timestamp';
import {
  arenaBytes,
  hashed,
  ingestItems,
  scanItems,
  scanTexts,
  splitItems,
  timestampItems,
  type Golden,
  type HashedSet,
} from '../golden/golden';
import {
  COPY_BIG_ROWS,
  COPY_EDGE_ROWS,
  INGEST_EDGE_LINES,
  SCAN_EDGE_TEXTS,
  TIMESTAMP_EDGE,
  eventLines,
  timestampSamples,
} from '../golden/inputs';

// The scanner, the JS ingest chain (parse → validate + features → row → COPY bytes), line
// splitting and timestamp parsing must keep giving the outputs recorded in
// tests/golden/expected.json for the fixed inputs in tests/golden/. After a change that is MEANT
// to change output, run `npm run golden:update` and commit expected.json with it.
const expected = JSON.parse(readFileSync('tests/golden/expected.json', 'utf8')) as Golden;

/** Fails naming the first block of items whose hash differs. */
function expectSame(items: string[], want: HashedSet, what: string) {
  const got = hashed(items, want.block);
  expect(got.count, `${what}: number of items`).toBe(want.count);
  const k = got.blocks.findIndex((h, i) => h !== want.blocks[i]);
  const where = `${what}: items ${k * want.block}..${(k + 1) * want.block - 1} differ`;
  expect(k, `${where}; first of them now: ${items[k * want.block]?.slice(0, 500)}`).toBe(-1);
}

describe('golden outputs (tests/golden)', () => {
  it('a changed item changes exactly its block hash', () => {
    const items = Array.from({ length: 50 }, (_, i) => `item ${i}`);
    const before = hashed(items, 10);
    items[23] = 'item 23 changed';
    const after = hashed(items, 10);
    expect(after.blocks.map((h, i) => h !== before.blocks[i])).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('scanText: the edge cases, in every mode, give the recorded results and scores', () => {
    expect(scanItems(SCAN_EDGE_TEXTS).map((x) => JSON.parse(x))).toEqual(expected.scan.edge);
  });

  it('scanText: every prompt, response and system prompt of the events file, in every mode', () => {
    expectSame(scanItems(scanTexts()), expected.scan.all, 'scanText');
  });

  it('ingest: the edge lines are accepted or rejected, and rowed, as recorded', () => {
    const lines = [...eventLines(), ...INGEST_EDGE_LINES];
    const { rows } = ingestItems(lines, false);
    const edge = rows.slice(-INGEST_EDGE_LINES.length).map((x) => JSON.parse(x));
    expect(edge).toEqual(expected.ingest.edge);
  });

  it('ingest: every line gives the recorded parse result, row and COPY bytes, text kept or hash-only', () => {
    const lines = [...eventLines(), ...INGEST_EDGE_LINES];
    for (const hashOnly of [false, true]) {
      const { rows, copy, accepted } = ingestItems(lines, hashOnly);
      expect(accepted.length).toBeGreaterThan(1000);
      expectSame(rows, hashOnly ? expected.ingest.rowsHashOnly : expected.ingest.rows, 'rows');
      expectSame(copy, hashOnly ? expected.ingest.copyHashOnly : expected.ingest.copy, 'COPY');
      // What the lanes send (a batch arena) and one row alone are the same bytes as encodeCopy.
      for (let i = 0; i < accepted.length; i += 500) {
        const slice = accepted.slice(i, i + 500);
        expect(arenaBytes(slice).equals(Buffer.from(encodeCopy(slice)))).toBe(true);
        expect(encodeCopyRow(accepted[i])).toBe(encodeCopy([accepted[i]]));
      }
    }
  });

  it('COPY text: NULL, booleans, numbers and escapes; multi-byte rows past 1 MiB', () => {
    expect(encodeCopy(COPY_EDGE_ROWS)).toBe(expected.copy.edge);
    expect(encodeCopy([])).toBe('');
    expectSame([encodeCopy(COPY_BIG_ROWS)], expected.copy.big, 'COPY big');
    // lone surrogates become U+FFFD in bytes, as Buffer.from does; the arena grows past 1 MiB
    expect(arenaBytes(COPY_BIG_ROWS).equals(Buffer.from(encodeCopy(COPY_BIG_ROWS)))).toBe(true);
    expect(arenaBytes([]).length).toBe(0);
  });

  it('splitLines: 400 byte strings cut into chunks give the recorded lines', async () => {
    expectSame(await splitItems(), expected.splitLines, 'splitLines');
  });

  it('parseTimestamp: the recorded instants for 20,009 canonical-looking timestamps', () => {
    expect(timestampItems().slice(0, TIMESTAMP_EDGE.length)).toEqual(expected.timestamps.edge);
    expectSame(timestampItems(), expected.timestamps.all, 'timestamps');
    for (const s of timestampSamples()) {
      const ms = parseTimestamp(s);
      if (ms !== null) expect(timestampIso(s, ms)).toBe(new Date(ms).toISOString());
    }
  });
});
