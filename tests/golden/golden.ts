import { createHash } from 'node:crypto';
import { compileTaxonomy } from '@/lib/features/taxonomy-rules';
import { scanText } from '@/lib/features/scan';
import { newArena, put, slices } from '@/lib/ingest/arena';
import { encodeCopy, encodeCopyRow } from '@/lib/ingest/copy-text';
import { toEventRow, type StageRow } from '@/lib/ingest/event-row';
import { splitLines, type RawLine } from '@/lib/ingest/lines';
import { parseJsonLine } from '@/lib/ingest/record';
import { EVENT_FIELDS } from '@/lib/ingest/schemas';
import { parseTimestamp, timestampIso } from '@/lib/ingest/timestamp';
import {
  COPY_BIG_ROWS,
  COPY_EDGE_ROWS,
  INGEST_EDGE_LINES,
  SCAN_EDGE_TEXTS,
  TIMESTAMP_EDGE,
  eventLines,
  splitCases,
  timestampSamples,
} from './inputs';

// What the current code makes of the fixed inputs. expected.json holds what it made when the
// golden files were last written (npm run golden:update); the tests compare the two. Large
// outputs are kept as SHA-256s of blocks of items, so a difference points at a block; the edge
// cases are kept whole, so a difference there reads as a diff.

/** Output of one item as text: JSON with -0 kept apart from 0 (COPY writes them differently). */
export const ser = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? '-0' : x)) ?? 'undefined';

export interface HashedSet {
  count: number;
  block: number;
  /** first 16 hex digits of sha256 over each block's items, newline-separated */
  blocks: string[];
}

export function hashed(items: string[], block: number): HashedSet {
  const blocks: string[] = [];
  for (let i = 0; i < items.length; i += block) {
    const h = createHash('sha256');
    for (const item of items.slice(i, i + block)) h.update(item).update('\n');
    blocks.push(h.digest('hex').slice(0, 16));
  }
  return { count: items.length, block, blocks };
}

const SCAN_MODES = [
  { simhash: true, tail: false, table: true },
  { simhash: false, tail: false, table: true },
  { simhash: true, tail: false, table: false },
  { simhash: false, tail: true, table: false },
] as const;

export function scanTexts(): string[] {
  const out = [...SCAN_EDGE_TEXTS];
  for (const l of eventLines()) {
    const e = JSON.parse(l) as Record<string, unknown>;
    if (typeof e.prompt !== 'string') continue;
    out.push(e.prompt, String(e.response));
    if (typeof e.system_prompt === 'string') out.push(e.system_prompt);
  }
  return out;
}

/** scanText in every mode the features use: its result and the non-zero taxonomy scores. */
export function scanItems(texts: string[]): string[] {
  const tax = compileTaxonomy();
  const scores = new Int32Array(tax.slots);
  const items: string[] = [];
  for (const s of texts) {
    for (const m of SCAN_MODES) {
      scores.fill(0);
      const r = scanText(
        s,
        m.table ? tax.table : null,
        m.table ? scores : null,
        2,
        tax.maxWords,
        m.simhash,
        m.tail,
      );
      const nonZero = [...scores.entries()].filter(([, v]) => v !== 0);
      items.push(ser([r, nonZero]));
    }
  }
  return items;
}

/** Parse + validate + features + row for each line, and COPY text per 500-row slice. */
export function ingestItems(lines: string[], hashOnly: boolean) {
  const rows: string[] = [];
  const accepted: StageRow[] = [];
  lines.forEach((text, i) => {
    const p = parseJsonLine(text, EVENT_FIELDS);
    const r = p.ok ? toEventRow(p.rec, p.extra, i + 1, hashOnly) : null;
    rows.push(ser({ parse: p, row: r }));
    if (r?.ok) accepted.push(r.row);
  });
  const copy: string[] = [];
  for (let i = 0; i < accepted.length; i += 500) copy.push(encodeCopy(accepted.slice(i, i + 500)));
  return { rows, copy, accepted };
}

/** The bytes a batch arena (lanes.ts) sends for these rows. */
export function arenaBytes(rows: StageRow[]): Buffer {
  const a = newArena(1024);
  for (const r of rows) put(a, encodeCopyRow(r));
  return Buffer.concat([...slices(a)]);
}

export async function splitItems(): Promise<string[]> {
  const items: string[] = [];
  for (const c of splitCases()) {
    async function* chunks() {
      let o = 0;
      for (const cut of c.cuts) {
        yield c.bytes.subarray(o, cut);
        o = cut;
      }
      yield c.bytes.subarray(o);
    }
    const out: RawLine[] = [];
    for await (const l of splitLines(chunks(), c.max, c.head)) out.push(l);
    items.push(ser(out));
  }
  return items;
}

export function timestampItems(): string[] {
  return timestampSamples().map((s) => {
    const ms = parseTimestamp(s);
    return `${s}\t${ms}\t${ms === null ? '' : timestampIso(s, ms)}`;
  });
}

/** Everything expected.json holds, computed from the current code. */
export async function computeGolden() {
  const events = eventLines();
  const lines = [...events, ...INGEST_EDGE_LINES];
  const plain = ingestItems(lines, false);
  const hashOnly = ingestItems(lines, true);
  const edgeFrom = events.length;
  return {
    scan: {
      edge: scanItems(SCAN_EDGE_TEXTS).map((x) => JSON.parse(x) as unknown),
      all: hashed(scanItems(scanTexts()), 400),
    },
    ingest: {
      edge: plain.rows.slice(edgeFrom).map((x) => JSON.parse(x) as unknown),
      rows: hashed(plain.rows, 100),
      rowsHashOnly: hashed(hashOnly.rows, 100),
      copy: hashed(plain.copy, 1),
      copyHashOnly: hashed(hashOnly.copy, 1),
    },
    copy: {
      edge: encodeCopy(COPY_EDGE_ROWS),
      big: hashed([encodeCopy(COPY_BIG_ROWS)], 1),
    },
    splitLines: hashed(await splitItems(), 20),
    timestamps: {
      edge: timestampItems().slice(0, TIMESTAMP_EDGE.length),
      all: hashed(timestampItems(), 1000),
    },
  };
}

export type Golden = Awaited<ReturnType<typeof computeGolden>>;
