import { describe, expect, it } from 'vitest';
import { memberVerdict } from './membership';

const s = { strongTieKinds: 3, memberSupportRisk: 0.3 };

describe('membership is not a verdict', () => {
  it('a weakly tied member without own evidence is linked, review', () => {
    expect(memberVerdict(0.02, false, { kinds: 1 }, true, s)).toEqual({
      state: 'review',
      viaCluster: false,
    });
  });
  it('a strong tie or own evidence flags the member with its cluster', () => {
    expect(memberVerdict(0.02, false, { kinds: 3 }, true, s).state).toBe('flagged');
    expect(memberVerdict(0.35, false, { kinds: 1 }, true, s).state).toBe('flagged');
  });
  it('an unflagged cluster flags nobody; an account flagged on its own stays flagged', () => {
    expect(memberVerdict(0.5, false, { kinds: 6 }, false, s).state).toBe('linked');
    expect(memberVerdict(0.9, true, { kinds: 0 }, false, s)).toEqual({
      state: 'flagged',
      viaCluster: false,
    });
  });
});
