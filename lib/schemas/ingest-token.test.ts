import { describe, expect, it } from 'vitest';
import { ZIngestTokenCreate } from './ingest-token';

describe('ZIngestTokenCreate', () => {
  it('defaults to both scopes and no expiry', () => {
    expect(ZIngestTokenCreate.parse({ name: ' collector ' })).toEqual({
      name: 'collector',
      scopes: ['events', 'accounts'],
    });
  });

  it('names the field it refuses', () => {
    const field = (body: unknown) => ZIngestTokenCreate.safeParse(body).error?.issues[0]?.path[0];
    expect(field({ name: 'x', scopes: [] })).toBe('scopes');
    expect(field({ name: 'x', scopes: ['cases'] })).toBe('scopes');
    expect(field({ name: 'x', expires_at: '2020-01-01T00:00:00Z' })).toBe('expires_at');
    expect(field({ name: 'x', expires_at: 'tomorrow' })).toBe('expires_at');
    expect(
      ZIngestTokenCreate.safeParse({ name: 'x', expires_at: '2999-01-01T00:00:00Z' }).success,
    ).toBe(true);
  });
});
