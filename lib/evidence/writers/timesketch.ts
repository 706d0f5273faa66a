import type { EvidenceFields } from '../types';
import type { EventRow } from './event-sql';

// Timesketch's JSONL import format: `message`, `datetime` (ISO 8601), `timestamp` (microseconds
// since the epoch) and `timestamp_desc` are required; every other key becomes a searchable field.

const MESSAGE_CHARS = 200;

/** `account → model: prompt` (its first 200 UTF-16 units, or its hash when texts are left out). */
export function timesketchMessage(
  account: string,
  model: string | null,
  fields: EvidenceFields,
  deliveredPrompt: string | null,
  promptSha256: string | null,
): string {
  const what =
    fields === 'hashes' || deliveredPrompt === null
      ? `prompt sha256 ${promptSha256}`
      : deliveredPrompt.length > MESSAGE_CHARS
        ? `${deliveredPrompt.slice(0, MESSAGE_CHARS)}…`
        : deliveredPrompt;
  return `${account} → ${model}: ${what}`;
}

export function timesketchLine(
  row: EventRow,
  bates: string,
  nativePath: string,
  fields: EvidenceFields,
  deliveredPrompt: string | null,
): string {
  return (
    JSON.stringify({
      message: timesketchMessage(
        row.account_id,
        row.model,
        fields,
        deliveredPrompt,
        row.prompt_sha256,
      ),
      datetime: row.ts,
      timestamp: Date.parse(row.ts) * 1000,
      timestamp_desc: 'API request received',
      bates,
      event_id: row.id,
      account_id: row.account_id,
      model: row.model,
      api_key_id: row.api_key_id,
      ip: row.ip,
      asn: row.asn,
      country: row.country,
      user_agent: row.user_agent,
      conversation_id: row.conversation_id,
      turn: row.turn,
      input_tokens: row.input_tokens,
      output_tokens: row.output_tokens,
      finish_reason: row.finish_reason,
      prompt_sha256: row.prompt_sha256,
      native_path: nativePath,
    }) + '\n'
  );
}
