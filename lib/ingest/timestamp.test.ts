import { describe, expect, it } from 'vitest';
import { parseTimestampV1 } from '@/tests/reference/ingest-v1';
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
});

describe('parseTimestamp fast path', () => {
  it('agrees with the regex parser (reference-v1) on canonical-looking text, and timestampIso with toISOString', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    const samples = [
      '2026-11-29T14:03:07.123Z',
      '0050-01-01T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2100-01-01T00:00:00.000Z',
      '1989-12-31T23:59:59.999Z',
      '2026-1a-29T14:03:07.123Z',
      '2026-11-29T14:03:07.12xZ',
      '+026-11-29T14:03:07.123Z',
    ];
    for (let i = 0; i < 20_000; i++) {
      samples.push(
        `${pad(1985 + rnd(120), 4)}-${pad(rnd(14), 2)}-${pad(rnd(33), 2)}T${pad(rnd(26), 2)}:${pad(rnd(62), 2)}:${pad(rnd(62), 2)}.${pad(rnd(1000), 3)}Z`,
      );
    }
    for (const s of samples) {
      const ms = parseTimestamp(s);
      expect(ms, s).toBe(parseTimestampV1(s));
      if (ms !== null) expect(timestampIso(s, ms)).toBe(new Date(ms).toISOString());
    }
    expect(timestampIso('2026-11-29T16:03:07+02:00', Date.UTC(2026, 10, 29, 14, 3, 7))).toBe(
      '2026-11-29T14:03:07.000Z',
    );
  });
});
