import { computeEventFeatures } from '@/lib/features';
import { fastEvent } from './fast-event';
import { firstIssue, ZEvent } from './schemas';
import { parseTimestamp, timestampIso } from './timestamp';

/** Column order of a validated event row: its line number, then the events table's columns (sql-events.ts EVENT_ROW_COLUMNS adds the run id). */
export const EVENT_STAGE_COLUMNS = [
  'line_no',
  'id',
  'ts',
  'account_id',
  'model',
  'api_key_id',
  'org_id',
  'ip',
  'asn',
  'country',
  'user_agent',
  'conversation_id',
  'turn',
  'system_prompt',
  'system_prompt_sha256',
  'prompt',
  'prompt_sha256',
  'response',
  'input_tokens',
  'output_tokens',
  'max_tokens',
  'finish_reason',
  'temperature',
  'thinking',
  'status',
  'extra',
  'simhash',
  'tax_bucket',
  'lsh_bucket',
  'reasoning',
  'single_turn',
] as const;

export type StageValue = string | number | boolean | null;
export type StageRow = StageValue[];
export type RowResult =
  { ok: true; row: StageRow; ms: number } | { ok: false; field?: string; reason: string };

/**
 * Validates one parsed record and computes its features. `ms` is the UTC instant (for the
 * partition month). In 'hash' mode prompt, response and system prompt text are not stored: only
 * their SHA-256, after the features (which need the text) have been computed.
 */
export function toEventRow(
  rec: Record<string, unknown>,
  extra: Record<string, unknown> | null,
  lineNo: number,
  hashOnly: boolean,
): RowResult {
  let e = fastEvent(rec);
  if (!e) {
    const p = ZEvent.safeParse(rec);
    if (!p.success) return { ok: false, ...firstIssue(p.error) };
    e = p.data;
  }
  const ms = parseTimestamp(e.ts) as number; // validated above
  const f = computeEventFeatures(e);
  const row: StageRow = [
    lineNo,
    e.id,
    timestampIso(e.ts, ms),
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

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
