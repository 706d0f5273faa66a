import { describe, expect, it } from 'vitest';
import { redactExcerpt, redactText } from './redact';

describe('redactText', () => {
  it('masks emails', () => {
    const r = redactText('mail jane.doe+x@example.co.uk about it');
    expect(r.text).toBe('mail [email] about it');
    expect(r.masked).toBe(1);
  });

  it('masks phone numbers in common formats', () => {
    expect(redactText('call +1 415-555-0132 now').text).toBe('call [phone] now');
    expect(redactText('tel (020) 7946 0958').text).toBe('tel [phone]');
    expect(redactText('06 12 34 56 78').text).toBe('[phone]');
  });

  it('keeps short numbers, years and code', () => {
    const s = 'In 2024 we sold 1,500 units; x = 3.14159; for i in range(10)';
    expect(redactText(s)).toEqual({ text: s, masked: 0 });
  });

  it('masks API keys of several providers', () => {
    const r = redactText(
      'use sk-ant-abcdefghijklmnop1234 and AKIAABCDEFGHIJKLMNOP and ghp_abcdefghijklmnopqrstuvwxyz12',
    );
    expect(r.text).toBe('use [key] and [key] and [key]');
    expect(r.masked).toBe(3);
  });

  it('masks bearer tokens but keeps the scheme word', () => {
    expect(redactText('Authorization: Bearer abcdef0123456789abcdef').text).toBe(
      'Authorization: Bearer [key]',
    );
  });

  it('does not double-count a key that contains digits', () => {
    const r = redactText('sk_live_4242424242424242424242');
    expect(r).toEqual({ text: '[key]', masked: 1 });
  });
});

describe('redaction on hostile text (issue #12, defect 8)', () => {
  const timed = (s: string) => {
    const t = performance.now();
    redactText(s);
    return performance.now() - t;
  };

  it('stays linear on 1 MB of letters without an @', () => {
    const n = 1 << 20;
    // the baseline: as long, but white space every 8 characters ends every candidate early
    const baseline = Math.min(timed('abcdefg '.repeat(n / 8)), timed('abcdefg '.repeat(n / 8)));
    const hostile = timed('a'.repeat(n));
    expect(hostile).toBeLessThan(20 * baseline + 100);
    expect(redactText(`${'a'.repeat(n)}@example.com`).masked).toBe(1);
  });

  it('masks an email after a long run of other characters', () => {
    expect(redactText(`${'#'.repeat(5000)}jane@example.com`).text).toBe(
      `${'#'.repeat(5000)}[email]`,
    );
  });
});

describe('redactExcerpt', () => {
  const key = 'sk-ant-abcdefghijklmnop1234';

  it('drops a key the database cut in two instead of showing its start', () => {
    // the excerpt as `left(text, 60)` returns it: the key crosses the cut
    const full = `${'word '.repeat(10)}then ${key} more`;
    const cut = full.slice(0, 64);
    expect(cut).toContain('sk-ant-');
    const r = redactExcerpt(cut, 64, 600);
    expect(r.text).not.toContain('sk-');
    expect(r.text).toBe(`${'word '.repeat(10)}then…`);
  });

  it('drops an email the cut ended early', () => {
    const cut = `contact jane.doe@exa`;
    expect(redactExcerpt(cut, cut.length, 600).text).toBe('contact…');
  });

  it('redacts before clipping, and leaves a text that was not cut whole', () => {
    const text = `mail jane@example.com ${'z'.repeat(40)}`;
    expect(redactExcerpt(text, 1000, 600)).toEqual({
      text: `mail [email] ${'z'.repeat(40)}`,
      masked: 1,
    });
    expect(redactExcerpt(`${key} tail`, 1000, 5)).toEqual({ text: '[key]…', masked: 1 });
  });
});
