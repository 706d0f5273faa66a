import { describe, expect, it } from 'vitest';
import { diffPayload, formatValue } from './diff';

describe('diffPayload', () => {
  it('lists only the fields that changed, by dotted path', () => {
    const before = { name: 'Ann', role: 'analyst', disabled: false, weights: { sweep: 0.8, x: 1 } };
    const after = { name: 'Ann', role: 'admin', disabled: false, weights: { sweep: 0.9, x: 1 } };
    expect(diffPayload(before, after)).toEqual([
      { path: 'role', kind: 'changed', before: 'analyst', after: 'admin' },
      { path: 'weights.sweep', kind: 'changed', before: '0.8', after: '0.9' },
    ]);
  });

  it('a creation lists the new fields; a removal the old ones', () => {
    expect(diffPayload(null, { kind: 'tag', value: 'sweep' })).toEqual([
      { path: 'kind', kind: 'added', after: 'tag' },
      { path: 'value', kind: 'added', after: 'sweep' },
    ]);
    expect(diffPayload({ value: 'x' }, {})).toEqual([
      { path: 'value', kind: 'removed', before: 'x' },
    ]);
  });

  it('keeps arrays whole and shortens long values', () => {
    expect(diffPayload({ ids: [1, 2] }, { ids: [1, 2, 3] })).toEqual([
      { path: 'ids', kind: 'changed', before: '[1,2]', after: '[1,2,3]' },
    ]);
    expect(formatValue('y'.repeat(500))).toHaveLength(120);
    expect(formatValue(null)).toBe('—');
  });
});
