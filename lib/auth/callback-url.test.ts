import { describe, expect, it } from 'vitest';
import { loginUrlFor, safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps a path on this host with its query', () => {
    expect(safeCallbackUrl('/accounts/acct_1?window=2026-01-01..2026-01-07&order=asc')).toBe(
      '/accounts/acct_1?window=2026-01-01..2026-01-07&order=asc',
    );
  });
  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/login',
    '/login?callbackUrl=%2Faccounts',
    '/api/v1/audit',
    '/a\nb',
    '',
    undefined,
    ['/accounts'],
  ])('falls back to the overview for %j', (raw) => {
    expect(safeCallbackUrl(raw)).toBe('/');
  });
});

describe('loginUrlFor', () => {
  it('carries the requested page, encoded', () => {
    expect(loginUrlFor('/clusters/c1?sort=risk')).toBe(
      '/login?callbackUrl=%2Fclusters%2Fc1%3Fsort%3Drisk',
    );
  });
  it('needs no callback for the overview', () => {
    expect(loginUrlFor('/')).toBe('/login');
  });
});
