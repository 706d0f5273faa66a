import { describe, expect, it } from 'vitest';
import { newArena, put, slices } from './arena';
import { encodeCopy, encodeCopyRow } from './copy-text';
import { toEventRow, type StageRow } from './event-row';
import { generateEvents } from './generate';
import { parseJsonLine } from './record';
import { encodeCopyV1, parseJsonLineV1, toEventRowV1 } from '@/tests/reference/ingest-v1';
import { EVENT_FIELDS } from './schemas';

// The optimised JS ingest path must give byte-identical results to the code it replaced
// (reference-v1.ts): same parse results and errors, same StageRows, same COPY text.
const base = {
  id: 'e1',
  ts: '2026-11-29T10:00:00.123Z',
  account_id: 'a1',
  model: 'm',
  prompt: 'Explain step by step: 12 + 7?',
};
const line = (o: Record<string, unknown>) => JSON.stringify({ ...base, ...o });
const edgeLines: string[] = [
  line({}),
  line({ prompt: 'tab\there\nnew\\line\r' }),
  line({ prompt: 'nul \u0000 inside' }),
  line({ extra_field: 'x\u0000' }),
  line({ sdk: { a: 1 }, other: 'b' }),
  line({ constructor: 'proto key' }),
  line({ prompt: '\ud800 lone' }),
  line({ extra: '\udfff lone' }),
  line({ prompt: 'emoji 😀 Σίσυφος İstanbul ΑΒΓ' }),
  line({ ts: '2026-11-29T10:00:00Z' }),
  line({ ts: '2026-11-29 10:00:00.1+02:00' }),
  line({ ts: '2026-11-29T10:00:00.123456789-0530' }),
  line({ ts: '2026-02-30T00:00:00Z' }),
  line({ ts: '2026-11-29T10:00:00.123z' }),
  line({ ts: '1989-12-31T23:59:59.999Z' }),
  line({ ts: '2099-12-31T23:59:59.999+00:00' }),
  line({ ts: '2026-11-29T24:00:00.000Z' }),
  line({ country: 'de', ip: '::1', turn: 3, conversation_id: 'c' }),
  line({ asn: 1.5 }),
  line({ prompt: undefined, prompt_sha256: 'AB'.repeat(32) }),
  line({ prompt: '', system_prompt: 'You are x.' }),
  line({ temperature: 0.1 + 0.2, thinking: true, status: 503, max_tokens: null }),
  line({ model: '' }),
  line({ id: 5 }),
  '{"__proto__":{"x":1},"id":"e2","ts":"2026-11-29T10:00:00.123Z","account_id":"a","model":"m","prompt":"p"}',
  '{"1":"num key","id":"e3","ts":"2026-11-29T10:00:00.123Z","account_id":"a","model":"m","prompt":"p \\u sign"}',
  '[1,2]',
  'null',
  '{"id": "x", ',
  '{"id":"a\\u0000b"}',
  `${line({})}\u0000`,
  line({ response: 'a\\tb', user_agent: 'ua\r' }),
];

function lines(): string[] {
  const out = [...generateEvents({ events: 20_000, seed: 1 })].map((e) => JSON.stringify(e));
  out.push(
    ...[...generateEvents({ events: 500, seed: 7, hashOnly: true })].map((e) => JSON.stringify(e)),
  );
  return out.concat(edgeLines);
}

describe('JS ingest path equals the reference implementation', () => {
  it('parses, validates, computes features and encodes 20,000 generated events (+ edge cases) identically', () => {
    const all = lines();
    for (const hashOnly of [false, true]) {
      const rowsNew: StageRow[] = [];
      const rowsOld: StageRow[] = [];
      let rejected = 0;
      all.forEach((text, i) => {
        const p = parseJsonLine(text, EVENT_FIELDS);
        const q = parseJsonLineV1(text, EVENT_FIELDS);
        expect(p).toEqual(q);
        if (!p.ok || !q.ok) return void rejected++;
        const r = toEventRow(p.rec, p.extra, i + 1, hashOnly);
        const s = toEventRowV1(q.rec, q.extra, i + 1, hashOnly);
        expect(r).toStrictEqual(s);
        if (r.ok) rowsNew.push(r.row);
        if (s.ok) rowsOld.push(s.row);
      });
      expect(rejected).toBeGreaterThan(5);
      expect(rowsNew.length).toBeGreaterThan(20_000);
      for (let i = 0; i < rowsNew.length; i += 500) {
        const before = encodeCopyV1(rowsOld.slice(i, i + 500));
        expect(encodeCopy(rowsNew.slice(i, i + 500))).toBe(before);
        expect(arenaBytes(rowsNew.slice(i, i + 500)).equals(Buffer.from(before))).toBe(true);
        expect(encodeCopyRow(rowsNew[i])).toBe(encodeCopyV1([rowsOld[i]]));
      }
    }
  }, 120_000);

  it('encodes NULL, booleans, numbers and escapes exactly as before', () => {
    const rows: StageRow[] = [
      [1, 'a\tb\nc\\d\re', null, true, false, 0.1 + 0.2, -0, 1e21, ''],
      [2, '\\N', 'x'],
      [],
    ];
    expect(encodeCopy(rows.slice(0, 2))).toBe(encodeCopyV1(rows.slice(0, 2)));
    expect(encodeCopy([])).toBe(encodeCopyV1([]));
    const big: StageRow[] = Array.from({ length: 300 }, (_, i) => [
      i,
      '€😀\ud800'.repeat(2000),
      'x\ty',
    ]);
    expect(arenaBytes(big).equals(Buffer.from(encodeCopyV1(big)))).toBe(true); // lone surrogate → U+FFFD, as Buffer.from; grows past 1 MiB
    expect(arenaBytes([]).length).toBe(0);
  });
});

/** The bytes a batch arena (lanes.ts) sends for these rows. */
function arenaBytes(rows: StageRow[]): Buffer {
  const a = newArena(1024);
  for (const r of rows) put(a, encodeCopyRow(r));
  return Buffer.concat([...slices(a)]);
}
