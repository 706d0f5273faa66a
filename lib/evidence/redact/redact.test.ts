import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRedactions, findRedactions, redactText } from './redact';
import { luhn } from './patterns';

describe('redaction', () => {
  it('finds emails, phones, keys and Luhn-valid card numbers, with offsets in the original', () => {
    const text =
      'mail bob.smith+x@example.co.uk or call +1 415 555 0199, key sk-proj-abcdefghijklmnop1234 ' +
      'and AKIAIOSFODNN7EXAMPLE, card 4111 1111 1111 1111, not card 4111 1111 1111 1112.';
    const r = findRedactions(text);
    expect(r.map((x) => x.kind)).toEqual(['email', 'phone', 'api_key', 'api_key', 'card']);
    for (const x of r) expect(text.slice(x.offset, x.offset + x.length)).not.toMatch(/^\s|\s$/);
    expect(text.slice(r[0].offset, r[0].offset + r[0].length)).toBe('bob.smith+x@example.co.uk');
    expect(text.slice(r[4].offset, r[4].offset + r[4].length)).toBe('4111 1111 1111 1111');
    const out = redactText(text).text;
    expect(out).toContain('[REDACTED:EMAIL]');
    expect(out).toContain('4111 1111 1111 1112');
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('leaves ordinary text alone', () => {
    expect(findRedactions('Explain step by step: what is 12 * 34? Answer in 3 lines.')).toEqual([]);
    expect(findRedactions('version 1.2.3, year 2024, port 8080')).toEqual([]);
  });

  it('checks Luhn', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });

  it('never overlaps and re-applies to the same output (property)', () => {
    const piece = fc.constantFrom(
      'a@b.io',
      ' ',
      '+44 20 7946 0958',
      '4111111111111111',
      'sk-',
      'x',
      '-',
      '.',
      '@',
      '1',
      'AKIA',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const r = findRedactions(text);
        for (let i = 1; i < r.length; i++)
          expect(r[i].offset).toBeGreaterThanOrEqual(r[i - 1].offset + r[i - 1].length);
        const out = applyRedactions(text, r);
        expect(out.length).toBe(
          text.length + r.reduce((s, x) => s + x.replacement.length - x.length, 0),
        );
      }),
    );
  });

  it('stays linear on long hostile strings (no catastrophic backtracking)', () => {
    // Each string is ~200k characters built to make a backtracking engine retry: long runs of
    // what a pattern's repeated class accepts, with the final character the pattern needs missing.
    const n = 200_000;
    const hostile = [
      'a'.repeat(n),
      'a.'.repeat(n / 2),
      'a@'.repeat(n / 2),
      'a@b.'.repeat(n / 4),
      '1'.repeat(n),
      '1 '.repeat(n / 2),
      '1-'.repeat(n / 2),
      '+1 '.repeat(n / 3),
      '(123) '.repeat(n / 6),
      'sk-'.repeat(n / 3),
      `sk-${'a'.repeat(n)}`,
      'eyJ'.repeat(n / 3),
      `eyJ${'a'.repeat(n)}.eyJ`,
      'gh'.repeat(n / 2) + 'p_',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...hostile), fc.string({ maxLength: 20 }), (h, tail) => {
        const t0 = performance.now();
        findRedactions(h + tail);
        // Generous: linear scans finish in tens of ms; quadratic ones would take minutes.
        expect(performance.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: 30 },
    );
  });
});
