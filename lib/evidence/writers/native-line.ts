import { createHash } from 'node:crypto';
import { redactText, type Redaction } from '../redact/redact';
import type { EvidenceFields } from '../types';
import type { EventRow } from './event-sql';

// One event as a native JSONL line. Key order is fixed (the object literal's), so the same row
// always gives the same bytes. In 'hashes' mode the texts are left out and only their SHA-256
// travel; otherwise prompts/responses are redacted (when asked) and every redaction is returned.

const TEXT_FIELDS = ['system_prompt', 'prompt', 'response'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface FieldRedaction extends Redaction {
  field: TextField;
  /** SHA-256 of the whole original field value: the unredacted text stays verifiable. */
  originalSha256: string;
}

export interface NativeLine {
  line: string;
  /** The line as it would be without redaction; absent when nothing was redacted. */
  unredacted?: string;
  redactions: FieldRedaction[];
  /** The texts as delivered (redacted or not) for the Timesketch message. */
  prompt: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(7, '0')}`;
}

function record(row: EventRow, bates: string, texts: Record<TextField, string | null>) {
  return {
    bates,
    id: row.id,
    ts: row.ts,
    account_id: row.account_id,
    org_id: row.org_id,
    api_key_id: row.api_key_id,
    model: row.model,
    ip: row.ip,
    asn: row.asn,
    country: row.country,
    user_agent: row.user_agent,
    conversation_id: row.conversation_id,
    turn: row.turn,
    system_prompt: texts.system_prompt,
    system_prompt_sha256: row.system_prompt_sha256,
    prompt: texts.prompt,
    prompt_sha256: row.prompt_sha256,
    response: texts.response,
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    max_tokens: row.max_tokens,
    finish_reason: row.finish_reason,
    temperature: row.temperature,
    thinking: row.thinking,
    status: row.status,
    extra: row.extra ?? null,
  };
}

export function nativeLine(
  row: EventRow,
  bates: string,
  fields: EvidenceFields,
  redact: boolean,
): NativeLine {
  if (fields === 'hashes') {
    const {
      system_prompt: _s,
      prompt: _p,
      response: _r,
      ...rest
    } = record(row, bates, {
      system_prompt: null,
      prompt: null,
      response: null,
    });
    const response_sha256 = row.response === null ? null : sha256(row.response);
    return {
      line: JSON.stringify({ ...rest, response_sha256 }),
      redactions: [],
      prompt: null,
    };
  }
  const original = { system_prompt: row.system_prompt, prompt: row.prompt, response: row.response };
  if (!redact)
    return {
      line: JSON.stringify(record(row, bates, original)),
      redactions: [],
      prompt: row.prompt,
    };
  const texts = { ...original };
  const redactions: FieldRedaction[] = [];
  for (const f of TEXT_FIELDS) {
    const v = original[f];
    if (!v) continue;
    const r = redactText(v);
    if (r.redactions.length === 0) continue;
    texts[f] = r.text;
    const originalSha256 = sha256(v);
    for (const x of r.redactions) redactions.push({ ...x, field: f, originalSha256 });
  }
  const line = JSON.stringify(record(row, bates, texts));
  return redactions.length
    ? {
        line,
        unredacted: JSON.stringify(record(row, bates, original)),
        redactions,
        prompt: texts.prompt,
      }
    : { line, redactions, prompt: texts.prompt };
}
