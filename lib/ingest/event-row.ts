import { rowFeatures } from '@/lib/features';
import { int64Text } from '@/lib/features/hash32';
import { fastEvent } from './fast-event';
import { hashedExtraJson } from './hash-mode';
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
  let event = fastEvent(rec);
  if (!event) {
    const parsed = ZEvent.safeParse(rec);
    if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
    event = parsed.data;
  }
  const ms = parseTimestamp(event.ts) as number; // validated above
  const features = rowFeatures(event);
  const row: StageRow = [
    lineNo,
    event.id,
    timestampIso(event.ts, ms),
    event.account_id,
    event.model,
    orNull(event.api_key_id),
    orNull(event.org_id),
    orNull(event.ip),
    orNull(event.asn),
    event.country ? event.country.toUpperCase() : null,
    orNull(event.user_agent),
    orNull(event.conversation_id),
    orNull(event.turn),
    hashOnly ? null : orNull(event.system_prompt),
    features.systemPromptSha256,
    hashOnly ? null : orNull(event.prompt),
    features.promptSha256,
    hashOnly ? null : orNull(event.response),
    orNull(event.input_tokens),
    orNull(event.output_tokens),
    orNull(event.max_tokens),
    orNull(event.finish_reason),
    orNull(event.temperature),
    orNull(event.thinking),
    orNull(event.status),
    extra ? (hashOnly ? hashedExtraJson(extra) : JSON.stringify(extra)) : null,
    int64Text(features.hi, features.lo),
    features.taxonomyBucket,
    features.lshBucket,
    features.reasoning,
    features.singleTurn,
  ];
  return { ok: true, row, ms };
}

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
