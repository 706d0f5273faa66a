import { isIP } from 'node:net';
import { FINISH_REASONS, type EventInput } from './schemas';
import { parseTimestamp } from './timestamp';

// A hand-written check of the event contract for the common, valid line: zod costs ~20 µs per
// event, a quarter of the JS side of ingest. It accepts a subset of what ZEvent accepts (same
// rules, fields already restricted to the known ones by record.ts); anything it does not accept
// goes through ZEvent, which produces the error message. Kept in step with ZEvent (schemas.ts);
// fast-event.test.ts compares the two.
const INT_MAX = 2147483647;
const FINISH: ReadonlySet<unknown> = new Set(FINISH_REASONS);
const HEX64 = /^[0-9a-fA-F]{64}$/;
const CC = /^[A-Za-z]{2}$/;

const absent = (v: unknown) => v === null || v === undefined;
const str = (v: unknown, min: number, max: number) =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const optStr = (v: unknown, min: number, max: number) => absent(v) || str(v, min, max);
const int = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const optInt = (v: unknown, min: number, max: number) => absent(v) || int(v, min, max);

/** The record typed as an event when it certainly satisfies ZEvent, else null (ask ZEvent). */
export function fastEvent(r: Record<string, unknown>): EventInput | null {
  if (!str(r.id, 1, 128) || typeof r.ts !== 'string' || parseTimestamp(r.ts) === null) return null;
  if (!str(r.account_id, 1, 256) || !str(r.model, 1, 256)) return null;
  if (
    !optStr(r.api_key_id, 1, 256) ||
    !optStr(r.org_id, 1, 256) ||
    !optStr(r.conversation_id, 1, 256)
  )
    return null;
  if (!absent(r.ip) && !(typeof r.ip === 'string' && isIP(r.ip) !== 0)) return null;
  if (!optInt(r.asn, 0, INT_MAX) || !optInt(r.turn, 1, INT_MAX) || !optInt(r.status, 100, 599))
    return null;
  if (
    !optInt(r.input_tokens, 0, INT_MAX) ||
    !optInt(r.output_tokens, 0, INT_MAX) ||
    !optInt(r.max_tokens, 0, INT_MAX)
  )
    return null;
  if (!absent(r.country) && !(typeof r.country === 'string' && CC.test(r.country))) return null;
  if (
    !optStr(r.user_agent, 0, 2048) ||
    !optStr(r.system_prompt, 0, Infinity) ||
    !optStr(r.response, 0, Infinity)
  )
    return null;
  if (!optStr(r.prompt, 0, Infinity)) return null;
  if (
    !absent(r.prompt_sha256) &&
    !(typeof r.prompt_sha256 === 'string' && HEX64.test(r.prompt_sha256))
  )
    return null;
  if (!absent(r.finish_reason) && !FINISH.has(r.finish_reason)) return null;
  const t = r.temperature;
  if (!absent(t) && !(typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= 100))
    return null;
  if (!absent(r.thinking) && typeof r.thinking !== 'boolean') return null;
  if (typeof r.prompt !== 'string' && typeof r.prompt_sha256 !== 'string') return null;
  return r as EventInput;
}
