import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { StageRow } from '@/lib/ingest/event-row';

// The fixed inputs of the golden tests (see README.md). events.ndjson.gz is data, never
// regenerated; the edge cases below are the ones the old equivalence tests named, kept readable.

/** 1,000 generated events (seed 1) then 200 hash-only events (seed 7), one JSON object a line. */
export function eventLines(): string[] {
  const gz = readFileSync(path.join(import.meta.dirname, 'events.ndjson.gz'));
  return gunzipSync(gz).toString('utf8').split('\n').filter(Boolean);
}

export const SCAN_EDGE_TEXTS: string[] = [
  '',
  ' ',
  'a',
  'ab c',
  'Question: what is 12 + 7 = ?',
  'İstanbul ΣΊΣΥΦΟΣ straße',
  'emoji 😀 then \ud800 lone',
  'c++ and c# and f# vs. x++',
  '(a) one (b) two (c) three d) four E. five',
  '>>> f(x)\n"""doc"""\n{ a == b => c; }`',
  '漢字かなカナ한국어 中文',
  '12 × 3 ÷ 4',
  'Think step by step.\u00a0Explain your reasoning?\u3000',
  'x'.repeat(5000),
  'word '.repeat(700) + 'let us think step by step',
  '\t\n\r\u2028\u2029\ufeff',
  'KELVIN \u212a ﬁ ligature ẞ',
];

const base = {
  id: 'e1',
  ts: '2026-11-29T10:00:00.123Z',
  account_id: 'a1',
  model: 'm',
  prompt: 'Explain step by step: 12 + 7?',
};
const line = (o: Record<string, unknown>) => JSON.stringify({ ...base, ...o });

/** Lines that must be accepted or rejected exactly so: escapes, NULs, lone surrogates, offsets. */
export const INGEST_EDGE_LINES: string[] = [
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

/** COPY encoding of NULL, booleans, awkward numbers and every escaped character. */
export const COPY_EDGE_ROWS: StageRow[] = [
  [1, 'a\tb\nc\\d\re', null, true, false, 0.1 + 0.2, -0, 1e21, ''],
  [2, '\\N', 'x'],
];

/** 300 rows of multi-byte text with lone surrogates (→ U+FFFD in bytes), past 1 MiB in all. */
export const COPY_BIG_ROWS: StageRow[] = Array.from({ length: 300 }, (_, i) => [
  i,
  '€😀\ud800'.repeat(2000),
  'x\ty',
]);

export const TIMESTAMP_EDGE: string[] = [
  '2026-11-29T14:03:07.123Z',
  '0050-01-01T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '1900-02-29T00:00:00.000Z',
  '2100-01-01T00:00:00.000Z',
  '1989-12-31T23:59:59.999Z',
  '2026-1a-29T14:03:07.123Z',
  '2026-11-29T14:03:07.12xZ',
  '+026-11-29T14:03:07.123Z',
];

/** The LCG the old tests drew their random cases from, so the same cases are kept. */
export function lcg(seed: number): (n: number) => number {
  let s = seed;
  return (n) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n;
}

/** 20,000 canonical-looking timestamps, some impossible (month 13, hour 25, second 61). */
export function timestampSamples(): string[] {
  const rnd = lcg(7);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  const out = [...TIMESTAMP_EDGE];
  for (let i = 0; i < 20_000; i++) {
    out.push(
      `${pad(1985 + rnd(120), 4)}-${pad(rnd(14), 2)}-${pad(rnd(33), 2)}T${pad(rnd(26), 2)}:${pad(rnd(62), 2)}:${pad(rnd(62), 2)}.${pad(rnd(1000), 3)}Z`,
    );
  }
  return out;
}

export interface SplitCase {
  bytes: Buffer;
  cuts: number[];
  max: number;
  head: number;
}

/** 400 byte strings of LF/CR/CRLF, split UTF-8 sequences and invalid bytes, cut into chunks. */
export function splitCases(): SplitCase[] {
  const rnd = lcg(11);
  const alphabet = ['a', '\n', '\r', 'é', '€', '😀', [0xe2], [0x82], [0xff], 'xyz ', '\r\n'].map(
    (p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)),
  );
  const out: SplitCase[] = [];
  for (let t = 0; t < 400; t++) {
    const parts: Buffer[] = [];
    for (let k = rnd(300); k > 0; k--) parts.push(alphabet[rnd(alphabet.length)]);
    const bytes = Buffer.concat(parts);
    const cuts = [...new Set(Array.from({ length: rnd(6) }, () => rnd(bytes.length + 1)))].sort(
      (x, y) => x - y,
    );
    out.push({ bytes, cuts, max: 1 + rnd(40), head: 1 + rnd(8) });
  }
  return out;
}
