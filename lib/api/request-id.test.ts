import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const of = (v?: string) => requestIdOf(new Headers(v === undefined ? {} : { 'x-request-id': v }));

describe('requestIdOf', () => {
  it("keeps a client's well-formed id", () => {
    expect(of('req-42')).toBe('req-42');
    expect(of('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toMatch(/^00-4bf9/);
    expect(of('01JD6Z4Q7W:abc/def+g=')).toBe('01JD6Z4Q7W:abc/def+g=');
  });

  it('replaces a missing, long or hostile id with a fresh UUID', () => {
    expect(of()).toMatch(UUID);
    expect(of('x'.repeat(129))).toMatch(UUID);
    expect(of('')).toMatch(UUID);
    expect(of('abc def')).toMatch(UUID);
    expect(of('ok"},{"forged":"row')).toMatch(UUID);
    expect(of('line\u0085break')).toMatch(UUID);
    expect(of('x'.repeat(128))).toBe('x'.repeat(128));
  });
});
