import 'server-only';
import { z } from 'zod';
import { bucketById } from '@/lib/features/taxonomy';
import { rows } from './sql';
import { redactExcerpt } from './redact';

// Events of one account in a time window, keyset-paginated on (ts, id) so it stays on the
// events primary key (account_id, ts, id) at any depth. Text is redacted and clipped here, on the server.
export const ZEventWindow = z.object({
  account: z.string().min(1).max(128),
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** newest first (the default: what happened last is what an analyst reads first) or oldest */
  order: z.enum(['desc', 'asc']).default('desc'),
});
export type TEventWindow = z.infer<typeof ZEventWindow>;

export interface EventRow {
  id: string;
  ts: string;
  model: string;
  prompt: string | null;
  masked: number;
  response: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  finish_reason: string | null;
  thinking: boolean | null;
  reasoning: boolean;
  bucket: string;
  conversation_id: string | null;
  turn: number | null;
}

export interface EventPage {
  events: EventRow[];
  next: string | null;
}

const CLIP = 600;
/** characters read of a prompt / a response: redaction sees more than is shown (redact.ts) */
const READ_PROMPT = CLIP * 2;
const READ_RESPONSE = CLIP + 200;

export function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id])).toString('base64url');
}

export function decodeCursor(c: string | undefined): [string, string] | null {
  if (!c) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    return Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string'
      ? [v[0], v[1]]
      : null;
  } catch {
    return null;
  }
}

interface Raw {
  id: string;
  ts: Date;
  model: string;
  prompt: string | null;
  prompt_sha256: string;
  response: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  finish_reason: string | null;
  thinking: boolean | null;
  reasoning: boolean;
  tax_bucket: number;
  conversation_id: string | null;
  turn: number | null;
}

export async function listAccountEvents(w: TEventWindow): Promise<EventPage> {
  const after = decodeCursor(w.cursor);
  const params: unknown[] = [w.account, w.from, w.to, w.limit + 1];
  // The keyset follows the order: after the cursor is later for oldest-first, earlier for newest.
  const [cmp, dir] = w.order === 'asc' ? ['>', 'ASC'] : ['<', 'DESC'];
  const keyset = after ? `AND (ts, id) ${cmp} ($5::timestamptz, $6)` : '';
  if (after) params.push(after[0], after[1]);
  const r = await rows<Raw>(
    `SELECT id, ts, model, left(prompt, ${READ_PROMPT}) AS prompt, prompt_sha256, left(response, ${READ_RESPONSE}) AS response,
            input_tokens, output_tokens, finish_reason, thinking, reasoning, tax_bucket, conversation_id, turn
     FROM events WHERE account_id = $1 AND ts >= $2 AND ts < $3 ${keyset}
     ORDER BY ts ${dir}, id ${dir} LIMIT $4`,
    params,
  );
  const page = r.slice(0, w.limit);
  const events = page.map((e): EventRow => {
    const p = e.prompt === null ? null : redactExcerpt(e.prompt, READ_PROMPT, CLIP);
    const resp = e.response === null ? null : redactExcerpt(e.response, READ_RESPONSE, CLIP);
    return {
      id: e.id,
      ts: e.ts.toISOString(),
      model: e.model,
      prompt: p ? p.text : `(text withheld · sha256 ${e.prompt_sha256.slice(0, 12)}…)`,
      masked: (p?.masked ?? 0) + (resp?.masked ?? 0),
      response: resp ? resp.text : null,
      input_tokens: e.input_tokens,
      output_tokens: e.output_tokens,
      finish_reason: e.finish_reason,
      thinking: e.thinking,
      reasoning: e.reasoning,
      bucket: bucketById(e.tax_bucket)?.label ?? String(e.tax_bucket),
      conversation_id: e.conversation_id,
      turn: e.turn,
    };
  });
  const last = page[page.length - 1];
  return {
    events,
    next: r.length > w.limit && last ? encodeCursor(last.ts.toISOString(), last.id) : null,
  };
}
