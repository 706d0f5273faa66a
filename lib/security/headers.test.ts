import { describe, expect, it } from 'vitest';
import { API_CSP, newNonce, pageCsp } from './headers';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('Content-Security-Policy', () => {
  it('pages: scripts only with the nonce, never inline or eval in production; no framing', () => {
    const csp = pageCsp({ nonce: 'abc123==', dev: false, tls: false });
    expect(directive(csp, 'script-src')).toEqual([
      "'self'",
      "'nonce-abc123=='",
      "'strict-dynamic'",
    ]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageCsp({ nonce: 'n', dev: false, tls: true })).toContain('upgrade-insecure-requests');
    expect(directive(pageCsp({ nonce: 'n', dev: true, tls: false }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
  });
  it('API answers allow nothing', () => {
    expect(directive(API_CSP, 'default-src')).toEqual(["'none'"]);
    expect(directive(API_CSP, 'frame-ancestors')).toEqual(["'none'"]);
  });
  it('nonces are 128 random bits and do not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    expect(Buffer.from([...seen][0]!, 'base64')).toHaveLength(16);
  });
});
