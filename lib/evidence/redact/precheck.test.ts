import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRedactions } from './redact';
import { mayHoldRedaction } from './precheck';
import { mayHoldRedactionBytes } from './precheck-bytes';

describe('mayHoldRedaction', () => {
  it('is false only when findRedactions finds nothing (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ' ',
        '-',
        '.',
        '(',
        ')',
        '+',
        '@',
        'a',
        'x',
        '\n',
        ',',
        '/',
        'sk-',
        'eyJ',
        '"',
        'é',
        '\\',
      ),
      fc.constantFrom(
        'AKIA',
        'ASIA',
        'b.io',
        'example.com',
        'ghp_',
        'rk_live_',
        'sk_test_',
        'xoxb-',
        'AIza',
      ),
      fc.constantFrom(
        'abcdefghijklmnopqrstuvwxyz0123456789',
        'ABCDEFGHIJKLMNOP',
        'eyJhbGciOi.eyJzdWIiOi.sig_abc-def',
      ),
      fc.integer({ min: 0, max: 9 }).map(String),
      fc.stringMatching(/^[0-9]{1,14}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const found = findRedactions(text).length > 0;
        if (found) expect(mayHoldRedaction(text)).toBe(true);
        // The byte form, on the raw UTF-8 and on the JSON-escaped text Postgres sends.
        for (const b of [Buffer.from(text), Buffer.from(JSON.stringify(text))]) {
          if (found) expect(mayHoldRedactionBytes(b, 0, b.length)).toBe(true);
          // The skipping loop answers exactly as the plain byte-by-byte scan.
          expect(mayHoldRedactionBytes(b, 0, b.length)).toBe(byteByByte(b, 0, b.length));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('lets through every kind of match and skips plain text', () => {
    for (const t of [
      'mail a@b.io',
      'call +1 415 555 0199',
      'call (415) 555-0199',
      'call (415)5550199',
      'call 415.555.0199',
      '4155550199',
      'card 4111-1111-1111-1111',
      'key sk-proj-abcdefghijklmnop1234',
      'AKIAIOSFODNN7EXAMPLE',
    ]) {
      expect(findRedactions(t).length).toBeGreaterThan(0);
      expect(mayHoldRedaction(t)).toBe(true);
      const b = Buffer.from(JSON.stringify(t));
      expect(mayHoldRedactionBytes(b, 0, b.length)).toBe(true);
    }
    const plain = Buffer.from('x"Explain topic 12345 in detail."x');
    expect(mayHoldRedactionBytes(plain, 1, plain.length - 1)).toBe(false);
    expect(mayHoldRedaction('Explain topic 12345 in detail. Context sentence number 96.')).toBe(
      false,
    );
    expect(mayHoldRedaction('version 1.2.3, year 2024, port 8080, 12 34 56')).toBe(false);
  });
});

/** The scan of precheck-bytes.ts before it skipped runs of plain bytes: one step per byte. */
function byteByByte(b: Uint8Array, start: number, end: number): boolean {
  const at = (i: number, w: string) => [...w].every((ch, k) => b[i + k] === ch.charCodeAt(0));
  let [run, grouped, before, prevDigit] = [0, 0, 0, false];
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      run++;
      grouped++;
      if (run >= 10 || grouped >= 13 || (before >= 3 && run >= 4)) return true;
      prevDigit = true;
      continue;
    }
    if (c === 64 || c === 43) return true;
    if (c === 41 && run === 3 && i - 4 >= start && b[i - 4] === 40) return true;
    if (c === 45 && i - 2 >= start && at(i - 2, 'sk')) return true;
    if (
      c === 45 &&
      i - 4 >= start &&
      at(i - 4, 'xox') &&
      'abprs'.includes(String.fromCharCode(b[i - 1]))
    )
      return true;
    if (c === 95 && i - 2 >= start && (b[i - 2] === 115 || b[i - 2] === 114) && b[i - 1] === 107)
      return true;
    if (
      c === 95 &&
      i - 3 >= start &&
      at(i - 3, 'gh') &&
      'pousr'.includes(String.fromCharCode(b[i - 1]))
    )
      return true;
    if (c === 65 && i + 4 <= end && (at(i, 'AKIA') || at(i, 'ASIA') || at(i, 'AIza'))) return true;
    if (c === 101 && i + 3 <= end && at(i, 'eyJ')) return true;
    const sep = c === 32 || c === 45 || c === 46;
    before = sep && prevDigit ? run : 0;
    if (!((c === 32 || c === 45) && prevDigit)) grouped = 0;
    run = 0;
    prevDigit = false;
  }
  return false;
}
