/**
 * The JS ingest path as it was before the 2026-11-29 speed-up (commit 044b996), kept verbatim in tests/reference/
 * (renamed *V1) as the reference that ingest-equivalence.test.ts and scripts/bench-ingest-js.ts
 * compare the current code against: every StageRow and every byte of COPY text must match.
 * Not used by the ingest itself.
 */
import { isIP } from 'node:net';
import { computeEventFeatures } from '@/lib/features';
import type { RowResult, StageRow } from '@/lib/ingest/event-row';
import {
  FINISH_REASONS,
  firstIssue,
  ZEvent,
  type EventInput,
  type FieldKind,
} from '@/lib/ingest/schemas';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

const MIN = Date.UTC(1990, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

export function parseTimestampV1(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(local).getUTCDate() !== d) return null; // 2026-02-30 and the like
  let off = 0;
  const z = m[8];
  if (z !== 'Z' && z !== 'z') {
    const digits = z.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 18 || om > 59) return null;
    off = (oh * 60 + om) * 60_000 * (z[0] === '-' ? -1 : 1);
  }
  const ms = local - off + (m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0);
  return ms >= MIN && ms < MAX ? ms : null;
}

type RecordResult =
  | { ok: true; rec: Record<string, unknown>; extra: Record<string, unknown> | null }
  | { ok: false; field?: string; reason: string };

const wellFormed = (s: string): string => {
  const x = s as string & { isWellFormed?: () => boolean; toWellFormed?: () => string };
  return x.isWellFormed && !x.isWellFormed() && x.toWellFormed ? x.toWellFormed() : s;
};

function finish(obj: Record<string, unknown>, known: Record<string, FieldKind>): RecordResult {
  const rec: Record<string, unknown> = {};
  let extra: Record<string, unknown> | null = null;
  for (const k in obj) {
    let v = obj[k];
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        return { ok: false, field: k, reason: `${k}: contains a NUL character (\\u0000)` };
      v = wellFormed(v);
    }
    if (k in known) rec[k] = v;
    else (extra ??= {})[k] = v;
  }
  if (extra) {
    const json = JSON.stringify(extra);
    if (json.includes('\\u0000'))
      return {
        ok: false,
        field: 'extra',
        reason: 'an unknown field contains a NUL character (\\u0000)',
      };
    if (/\\ud[89a-f]/i.test(json))
      return {
        ok: false,
        field: 'extra',
        reason: 'an unknown field contains invalid Unicode (lone surrogate)',
      };
  }
  return { ok: true, rec, extra };
}

export function parseJsonLineV1(text: string, known: Record<string, FieldKind>): RecordResult {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, reason: `NUL byte at column ${nul + 1}` };
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return { ok: false, reason: 'line is not a JSON object' };
  return finish(obj as Record<string, unknown>, known);
}

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
export function fastEventV1(r: Record<string, unknown>): EventInput | null {
  if (!str(r.id, 1, 128) || typeof r.ts !== 'string' || parseTimestampV1(r.ts) === null)
    return null;
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

export function toEventRowV1(
  rec: Record<string, unknown>,
  extra: Record<string, unknown> | null,
  lineNo: number,
  hashOnly: boolean,
  features: typeof computeEventFeatures = computeEventFeatures,
): RowResult {
  let e = fastEventV1(rec);
  if (!e) {
    const p = ZEvent.safeParse(rec);
    if (!p.success) return { ok: false, ...firstIssue(p.error) };
    e = p.data;
  }
  const ms = parseTimestampV1(e.ts) as number; // validated above
  const f = features(e);
  const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
  const row: StageRow = [
    lineNo,
    e.id,
    new Date(ms).toISOString(),
    e.account_id,
    e.model,
    n(e.api_key_id),
    n(e.org_id),
    n(e.ip),
    n(e.asn),
    e.country ? e.country.toUpperCase() : null,
    n(e.user_agent),
    n(e.conversation_id),
    n(e.turn),
    hashOnly ? null : n(e.system_prompt),
    f.systemPromptSha256,
    hashOnly ? null : n(e.prompt),
    f.promptSha256,
    hashOnly ? null : n(e.response),
    n(e.input_tokens),
    n(e.output_tokens),
    n(e.max_tokens),
    n(e.finish_reason),
    n(e.temperature),
    n(e.thinking),
    n(e.status),
    extra ? JSON.stringify(extra) : null,
    f.simhash.toString(),
    f.taxonomyBucket,
    f.lshBucket,
    f.reasoning,
    f.singleTurn,
  ];
  return { ok: true, row, ms };
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyValue(v: StageRow[number]): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') {
    return NEEDS_ESCAPE.test(v)
      ? v
          .replaceAll('\\', '\\\\')
          .replaceAll('\n', '\\n')
          .replaceAll('\r', '\\r')
          .replaceAll('\t', '\\t')
      : v;
  }
  return String(v);
}

export function encodeCopyV1(rows: StageRow[]): string {
  if (!rows.length) return '';
  const out: string[] = new Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    let line = copyValue(r[0]);
    for (let i = 1; i < r.length; i++) line += '\t' + copyValue(r[i]);
    out[j] = line;
  }
  return out.join('\n') + '\n';
}
