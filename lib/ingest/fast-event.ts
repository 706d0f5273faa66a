import { isIP } from 'node:net';
import { FINISH_REASONS, type EventInput } from './schemas';
import { parseTimestamp } from './timestamp';

// A hand-written check of the event contract for the common, valid line: zod was a large share of
// the JS side of ingest (docs/performance.md). It accepts a subset of what ZEvent accepts (same
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
export function fastEvent(rec: Record<string, unknown>): EventInput | null {
  if (!str(rec.id, 1, 128) || typeof rec.ts !== 'string' || parseTimestamp(rec.ts) === null)
    return null;
  if (!str(rec.account_id, 1, 256) || !str(rec.model, 1, 256)) return null;
  if (
    !optStr(rec.api_key_id, 1, 256) ||
    !optStr(rec.org_id, 1, 256) ||
    !optStr(rec.conversation_id, 1, 256)
  )
    return null;
  if (
    !absent(rec.ip) &&
    !(typeof rec.ip === 'string' && isIP(rec.ip) !== 0 && !rec.ip.includes('%'))
  )
    return null; // zone ids: Node's isIP takes them, Postgres inet does not (the zod path says why)
  if (
    !optInt(rec.asn, 0, INT_MAX) ||
    !optInt(rec.turn, 1, INT_MAX) ||
    !optInt(rec.status, 100, 599)
  )
    return null;
  if (
    !optInt(rec.input_tokens, 0, INT_MAX) ||
    !optInt(rec.output_tokens, 0, INT_MAX) ||
    !optInt(rec.max_tokens, 0, INT_MAX)
  )
    return null;
  if (!absent(rec.country) && !(typeof rec.country === 'string' && CC.test(rec.country)))
    return null;
  if (
    !optStr(rec.user_agent, 0, 2048) ||
    !optStr(rec.system_prompt, 0, Infinity) ||
    !optStr(rec.response, 0, Infinity)
  )
    return null;
  if (!optStr(rec.prompt, 0, Infinity)) return null;
  if (
    !absent(rec.prompt_sha256) &&
    !(typeof rec.prompt_sha256 === 'string' && HEX64.test(rec.prompt_sha256))
  )
    return null;
  if (!absent(rec.finish_reason) && !FINISH.has(rec.finish_reason)) return null;
  const temperature = rec.temperature;
  if (
    !absent(temperature) &&
    !(
      typeof temperature === 'number' &&
      Number.isFinite(temperature) &&
      temperature >= 0 &&
      temperature <= 100
    )
  )
    return null;
  if (!absent(rec.thinking) && typeof rec.thinking !== 'boolean') return null;
  if (typeof rec.prompt !== 'string' && typeof rec.prompt_sha256 !== 'string') return null;
  return rec as EventInput;
}
