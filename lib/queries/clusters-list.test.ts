import { describe, expect, it } from 'vitest';
import { parseClusterQuery } from './clusters-list';

describe('parseClusterQuery', () => {
  it('defaults to riskiest first, no filter, no hint', () => {
    expect(parseClusterQuery({})).toEqual({ query: { sort: 'risk', dir: 'desc' }, hints: [] });
  });
  it('reads filters and sort', () => {
    expect(
      parseClusterQuery({ flagged: 'true', min_members: '5', sort: 'members', dir: 'asc' }).query,
    ).toEqual({ flagged: 'true', min_members: 5, sort: 'members', dir: 'asc' });
  });
  it('drops what it cannot read, with a hint naming the parameter, and keeps the rest', () => {
    const r = parseClusterQuery({ sort: 'colour', min_members: '-3', flagged: 'true', dir: '' });
    expect(r.query).toEqual({ flagged: 'true', sort: 'risk', dir: 'desc' });
    expect(r.hints).toHaveLength(2);
    expect(r.hints[0]).toMatch(/^min_members=-3 is not valid/);
    expect(r.hints[1]).toMatch(/^sort=colour is not valid/);
  });
});
