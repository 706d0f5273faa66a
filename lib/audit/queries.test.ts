import { describe, expect, it } from 'vitest';
import { ZAuditFilter } from './queries';

describe('audit filter', () => {
  it('reads the empty fields of the GET form as "any"', () => {
    const f = ZAuditFilter.parse({ action: '', actor: '', target: '', from: '', to: '' });
    expect(f).toEqual({ limit: 100 });
  });

  it('takes one catalogue action exactly and refuses anything else', () => {
    expect(ZAuditFilter.parse({ action: 'annotation.star' }).action).toBe('annotation.star');
    expect(ZAuditFilter.safeParse({ action: 'annotation.' }).success).toBe(false);
    expect(ZAuditFilter.safeParse({ from: '30/11/2026' }).success).toBe(false);
  });
});
