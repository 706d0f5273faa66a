import { describe, expect, it } from 'vitest';
import { fastEvent } from './fast-event';
import { eventLines } from '@/tests/golden/inputs';
import { ZEvent } from './schemas';

const base = {
  id: 'r1',
  ts: '2026-11-29T10:00:00.123Z',
  account_id: 'a1',
  model: 'm',
  prompt: 'hello',
};
// Each variant changes one field; fastEvent must never accept what ZEvent rejects.
const variants: Record<string, unknown>[] = [
  {},
  { id: '' },
  { id: 'x'.repeat(129) },
  { ts: '2026-11-29T10:00:00' },
  { ts: '2026-02-30T00:00:00Z' },
  { ts: 5 },
  { account_id: undefined },
  { model: null },
  { api_key_id: '' },
  { api_key_id: 'k' },
  { ip: '10.1.2.3' },
  { ip: '::1' },
  { ip: '10.1.2' },
  { asn: -1 },
  { asn: 1.5 },
  { asn: 2147483648 },
  { asn: 64512 },
  { country: 'de' },
  { country: 'DEU' },
  { user_agent: 'u'.repeat(2049) },
  { user_agent: '' },
  { turn: 0 },
  { turn: 2 },
  { prompt: undefined },
  { prompt: undefined, prompt_sha256: 'ab'.repeat(32) },
  { prompt_sha256: 'zz'.repeat(32) },
  { prompt: 5 },
  { finish_reason: 'stop' },
  { finish_reason: 'STOP' },
  { temperature: 101 },
  { temperature: 0.7 },
  { temperature: Infinity },
  { temperature: NaN },
  { thinking: 'true' },
  { thinking: false },
  { status: 99 },
  { status: 200 },
  { status: 200.5 },
  { input_tokens: '5' },
  { output_tokens: 7 },
  { max_tokens: null },
  { system_prompt: 's' },
  { response: 3 },
];

describe('fastEvent', () => {
  it('accepts only what ZEvent accepts, and the typical valid event', () => {
    for (const v of variants) {
      const rec = { ...base, ...v };
      const fast = fastEvent(rec);
      if (fast) expect(ZEvent.safeParse(rec).success, JSON.stringify(v)).toBe(true);
    }
    expect(fastEvent(base)).not.toBeNull();
    expect(fastEvent({ ...base, ts: 'nope' })).toBeNull();
  });
  it('takes every event of the golden input file (the fast path is the common path)', () => {
    for (const e of eventLines().map((l) => JSON.parse(l) as Record<string, unknown>)) {
      expect(ZEvent.safeParse(e).success).toBe(true);
      expect(fastEvent(e)).not.toBeNull();
    }
  });
});
