import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT_QUERY,
  parseAccountQuery,
  toAccountSearch,
  withFilter,
} from './account-filter';

describe('account table URL state', () => {
  it('parses an empty URL to the defaults', () => {
    expect(parseAccountQuery(new URLSearchParams())).toEqual(DEFAULT_ACCOUNT_QUERY);
    expect(DEFAULT_ACCOUNT_QUERY).toMatchObject({
      sort: 'risk',
      dir: 'desc',
      page: 1,
      size: 50,
      status: 'any',
      disposition: 'any',
    });
  });

  it('round-trips a full state through the search string', () => {
    const s = parseAccountQuery(
      new URLSearchParams(
        'q=acme.io&risk_min=0.5&risk_max=0.9&flagged=true&signal=coverage&status=open&disposition=abuse&cluster=c-1&from=2026-10-01&to=2026-11-01&model=m-large&country=de&sort=events&dir=asc&page=3&size=100',
      ),
    );
    expect(s).toMatchObject({
      q: 'acme.io',
      risk_min: 0.5,
      risk_max: 0.9,
      flagged: true,
      disposition: 'abuse',
      country: 'DE',
      page: 3,
      size: 100,
      sort: 'events',
      dir: 'asc',
    });
    expect(parseAccountQuery(new URLSearchParams(toAccountSearch(s).slice(1)))).toEqual(s);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const s = parseAccountQuery(
      new URLSearchParams(
        'risk_min=2&flagged=yes&sort=drop+table&page=-4&size=7&from=yesterday&country=Germany',
      ),
    );
    expect(s.risk_min).toBeUndefined();
    expect(s.flagged).toBeUndefined();
    expect(s.sort).toBe('risk');
    expect(s.page).toBe(1);
    expect(s.size).toBe(50);
    expect(s.from).toBeUndefined();
    expect(s.country).toBeUndefined();
  });

  it('accepts the searchParams object Next passes to pages', () => {
    expect(parseAccountQuery({ q: ['a', 'b'], page: '2', signal: '' })).toMatchObject({
      q: 'a',
      page: 2,
      signal: undefined,
    });
  });

  it('keeps flagged=true and flagged=false apart (the Overview links to flagged=true)', () => {
    expect(parseAccountQuery(new URLSearchParams('flagged=true')).flagged).toBe(true);
    expect(parseAccountQuery(new URLSearchParams('flagged=false')).flagged).toBe(false);
    expect(toAccountSearch({ ...DEFAULT_ACCOUNT_QUERY, flagged: true })).toBe('?flagged=true');
    expect(toAccountSearch({ ...DEFAULT_ACCOUNT_QUERY, flagged: false })).toBe('?flagged=false');
  });

  it('omits defaults from the search string', () => {
    expect(toAccountSearch(DEFAULT_ACCOUNT_QUERY)).toBe('');
    expect(toAccountSearch({ ...DEFAULT_ACCOUNT_QUERY, page: 2 })).toBe('?page=2');
  });

  it('resets the page when a filter changes but not when paging', () => {
    const s = { ...DEFAULT_ACCOUNT_QUERY, page: 4 };
    expect(withFilter(s, { signal: 'volume' }).page).toBe(1);
    expect(withFilter(s, { page: 5 }).page).toBe(5);
    expect(withFilter(s, { sort: 'events' }).page).toBe(4);
  });
});
