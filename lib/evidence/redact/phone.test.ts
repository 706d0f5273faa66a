import { describe, expect, it } from 'vitest';
import { findRedactions, redactText } from './redact';

// Where a phone number ends and a date, a timestamp or an id begins. The rule (patterns.ts):
// a bare run is a phone only when it is a whole North American number — 10 digits, area code and
// exchange starting 2–9 (NXX NXX XXXX), optionally after a country code 1 — with nothing
// word-like, no separator-joined digits and no path or id punctuation touching it.

const phones = (text: string) =>
  findRedactions(text)
    .filter((r) => r.kind === 'phone')
    .map((r) => text.slice(r.offset, r.offset + r.length));

describe('phone redaction: bare digit runs', () => {
  it('redacts a bare 10-digit number, with its exact offset', () => {
    const text = 'ok call 4155550199 now';
    const [r] = findRedactions(text);
    expect(r).toMatchObject({ kind: 'phone', offset: 8, length: 10 });
    expect(redactText(text).text).toBe('ok call [REDACTED:PHONE] now');
  });

  it.each([
    ['4155550199', '4155550199'],
    ['call 14155550199.', '14155550199'],
    ['(415)5550199', '(415)5550199'],
    ['(415) 555-0199', '(415) 555-0199'],
    ['tel 2125550100, or 3105550111!', '2125550100|3105550111'],
    ['“6505550123”', '6505550123'],
  ])('phone: %s', (text, want) => {
    expect(phones(text).join('|')).toBe(want);
  });

  it.each([
    ['a date', 'on 2026-11-30 and 20261130'],
    ['epoch seconds (area code cannot start with 1)', 'ts 1732924800 and 1732924800123'],
    ['an exchange starting 0/1', 'ref 4150550199 and 4151550199'],
    ['11 digits not led by a country code 1', 'ref 24155550199'],
    ['12 or more digits (an order or account id)', 'order 415555019912 acct 4155550199123456'],
    ['digits glued to letters (an id)', 'ev4155550199 4155550199abc id_4155550199'],
    ['joined by a separator (an id or a version)', 'INV-4155550199 4155550199-2 v2.4155550199'],
    ['a decimal', '3.4155550199 and 4155550199.5'],
    ['a path or URL segment', '/users/4155550199/posts'],
    ['a hex digest', 'sha 4155550199abcdef0123456789abcdef'],
  ])('not a phone: %s', (_, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('keeps the original recoverable: offsets point at the redacted digits', () => {
    const text = 'a 4155550199 b (212)5550100 c +1 415 555 0199';
    const r = findRedactions(text);
    expect(r.map((x) => text.slice(x.offset, x.offset + x.length))).toEqual([
      '4155550199',
      '(212)5550100',
      '+1 415 555 0199',
    ]);
    expect(redactText(text).text).toBe('a [REDACTED:PHONE] b [REDACTED:PHONE] c [REDACTED:PHONE]');
  });
});
