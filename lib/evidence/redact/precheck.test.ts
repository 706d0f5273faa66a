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
        for (const b of [Buffer.from(text), Buffer.from(JSON.stringify(text))])
          if (found) expect(mayHoldRedactionBytes(b, 0, b.length)).toBe(true);
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
