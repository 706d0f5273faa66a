import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '@/lib/errors';
import { CASE_STATUSES, CASE_TRANSITIONS, labelOfOutcome } from '@/lib/schemas/case';
import { assertTransition } from './workflow';

describe('case workflow', () => {
  it('walks new → triage → investigating → pending legal → actioned → closed', () => {
    const path = ['new', 'triage', 'investigating', 'pending_legal', 'actioned', 'closed'] as const;
    for (let i = 1; i < path.length; i++)
      expect(() => assertTransition(path[i - 1], path[i])).not.toThrow();
  });

  it('refuses a skipped step with the allowed ones', () => {
    try {
      assertTransition('new', 'closed');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidTransitionError);
      expect((e as InvalidTransitionError).details).toEqual({ allowed: ['triage'] });
      expect((e as Error).message).toContain('allowed: Triage');
    }
  });

  it('has no transition to the same status and every target is a status', () => {
    for (const s of CASE_STATUSES) {
      expect(CASE_TRANSITIONS[s]).not.toContain(s);
      for (const t of CASE_TRANSITIONS[s]) expect(CASE_STATUSES).toContain(t);
    }
  });

  it('labels only "no violation" as not abuse', () => {
    expect(labelOfOutcome('no_violation')).toBe('not_abuse');
    for (const o of ['warned', 'throttled', 'suspended', 'referred'] as const)
      expect(labelOfOutcome(o)).toBe('abuse');
  });
});
