import { describe, expect, it } from 'vitest';
import { parseTimestamp, timestampIso } from './timestamp';

describe('parseTimestamp', () => {
  it('accepts offsets and truncates to milliseconds', () => {
    expect(parseTimestamp('2026-11-29T14:03:07.1239Z')).toBe(Date.UTC(2026, 10, 29, 14, 3, 7, 123));
    expect(parseTimestamp('2026-11-29T16:03:07+02:00')).toBe(Date.UTC(2026, 10, 29, 14, 3, 7));
    expect(parseTimestamp('2026-11-29T10:03:07-0400')).toBe(Date.UTC(2026, 10, 29, 14, 3, 7));
  });
  it('rejects missing offsets, impossible dates and out-of-range years', () => {
    for (const s of [
      '2026-11-29T14:03:07',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '1970-01-01T00:00:00Z',
      'yesterday',
      '2026-11-29',
    ])
      expect(parseTimestamp(s)).toBeNull();
  });
  it('timestampIso gives the UTC instant of an offset timestamp', () => {
    expect(timestampIso('2026-11-29T16:03:07+02:00', Date.UTC(2026, 10, 29, 14, 3, 7))).toBe(
      '2026-11-29T14:03:07.000Z',
    );
  });
});
