import { describe, expect, it } from 'vitest';
import { redactText } from './redact';

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
