import { describe, expect, it } from 'vitest';
import { normalisePrompt } from './normalise';

describe('normalisePrompt', () => {
  it('lower-cases, folds digits and whitespace, trims', () => {
    expect(normalisePrompt('  Hello   WORLD\n\n\tAgain ')).toBe('hello world again');
    expect(normalisePrompt('Order #12345 on 2026-11-01')).toBe('order #00000 on 0000-00-00');
    expect(normalisePrompt('a\u00a0\u2003b')).toBe('a b');
  });
  it('maps prompts that differ only in numbers and spacing to the same text', () => {
    expect(normalisePrompt('What is 17 * 23?')).toBe(normalisePrompt('what is  42 *   99?'));
  });
  it('is idempotent', () => {
    const s = 'Ünïcode ÉCOLE 123\r\n  x';
    expect(normalisePrompt(normalisePrompt(s))).toBe(normalisePrompt(s));
  });
});
