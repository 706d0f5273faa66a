import { describe, expect, it } from 'vitest';
import { generateEvents } from '@/lib/ingest/generate';
import { scanText } from './scan';
import { scanTextV1 } from '@/tests/reference/scan-v1';
import { compileTaxonomy } from './taxonomy-rules';

// Every feature (SimHash, taxonomy bucket, reasoning cue, LSH bucket) is a function of scanText's
// result and score slots, so the optimised scanner must return exactly what the previous one
// (tests/reference/scan-v1.ts) returned, for every mode the features use it in. Each scanner gets its own
// compiled table: the table's per-entry "seen" marks belong to one scanner's epochs.
const T = compileTaxonomy();
const T1 = compileTaxonomy();
const edge = [
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

function texts(): string[] {
  const out = [...edge];
  for (const e of generateEvents({ events: 20_000, seed: 1 })) {
    out.push(e.prompt as string, String(e.response));
    if (typeof e.system_prompt === 'string') out.push(e.system_prompt);
  }
  return out;
}

describe('scanText equals the previous scanner (tests/reference/scan-v1.ts)', () => {
  it('gives identical results and scores on 20,000 generated events and edge cases, in every mode', () => {
    const a = new Int32Array(T.slots);
    const b = new Int32Array(T.slots);
    let n = 0;
    for (const s of texts()) {
      for (const [wantSimhash, wantTail, withTable] of [
        [true, false, true],
        [false, false, true],
        [true, false, false],
        [false, true, false],
      ]) {
        a.fill(0);
        b.fill(0);
        const r = scanText(
          s,
          withTable ? T.table : null,
          withTable ? a : null,
          2,
          T.maxWords,
          wantSimhash,
          wantTail,
        );
        const r1 = scanTextV1(
          s,
          withTable ? T1.table : null,
          withTable ? b : null,
          2,
          T.maxWords,
          wantSimhash,
          wantTail,
        );
        // compared by hand (expect per call would dominate the run time); the first difference is shown
        if (JSON.stringify(r) !== JSON.stringify(r1) || a.some((v, i) => v !== b[i])) {
          expect({ s, r, scores: [...a] }).toEqual({ s, r: r1, scores: [...b] });
        }
        n++;
      }
    }
    expect(n).toBeGreaterThan(150_000);
  }, 120_000);
});
