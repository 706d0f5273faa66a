import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseUrlQuery } from './url-query';

const Z = z.object({
  status: z.enum(['open', 'all']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  q: z.string().max(5).optional(),
});

describe('parseUrlQuery', () => {
  it('keeps the parameters that parse and defaults the rest', () => {
    expect(parseUrlQuery(Z, { status: 'all', page: '3', other: 'x' })).toEqual({
      query: { status: 'all', page: 3 },
      hints: [],
    });
  });

  it('drops a bad parameter with a hint naming it and its value; the others still apply', () => {
    const r = parseUrlQuery(Z, { status: 'shut', page: '0', q: ['abc', 'zzz'] });
    expect(r.query).toEqual({ status: 'open', page: 1, q: 'abc' });
    expect(r.hints).toHaveLength(2);
    expect(r.hints[0]).toMatch(/^status=shut is not valid \(.+\); ignored\.$/);
    expect(r.hints[1]).toMatch(/^page=0 is not valid/);
  });
});
