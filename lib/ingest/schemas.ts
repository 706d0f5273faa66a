import { isIP } from 'node:net';
import { z } from 'zod';
import { parseTimestamp, TIMESTAMP_HINT } from './timestamp';

// The input contract (docs/ingest.md, docs/schemas/*.json). Optional fields accept null or absence.
const INT_MAX = 2147483647;
export const FINISH_REASONS = ['stop', 'length', 'tool_use', 'content_filter', 'error'] as const;

const id = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `longer than ${max} characters`);
const opt = <T extends z.ZodType>(t: T) => t.nullish();
const count = z
  .number()
  .int('must be an integer')
  .min(0, 'must be ≥ 0')
  .max(INT_MAX, `must be ≤ ${INT_MAX}`);
const ts = z
  .string()
  .refine((s) => parseTimestamp(s) !== null, `not a valid timestamp (${TIMESTAMP_HINT})`);
// Node accepts IPv6 zone ids (fe80::1%eth0); Postgres inet refuses them, which used to fail the
// whole batch in the database: refuse them here, naming the field.
const ip = z
  .string()
  .refine((s) => !s.includes('%'), 'IPv6 zone ids (%…) are not accepted')
  .refine((s) => isIP(s) !== 0, 'not an IPv4 or IPv6 address');
const country = z.string().regex(/^[A-Za-z]{2}$/, 'not an ISO 3166-1 alpha-2 code');

export const ZEvent = z
  .object({
    id: id(128),
    ts,
    account_id: id(256),
    model: id(256),
    api_key_id: opt(id(256)),
    org_id: opt(id(256)),
    ip: opt(ip),
    asn: opt(count),
    country: opt(country),
    user_agent: opt(z.string().max(2048)),
    conversation_id: opt(id(256)),
    turn: opt(count.min(1, 'must be ≥ 1')),
    system_prompt: opt(z.string()),
    prompt: opt(z.string()),
    prompt_sha256: opt(z.string().regex(/^[0-9a-fA-F]{64}$/, 'not 64 hex digits')),
    response: opt(z.string()),
    input_tokens: opt(count),
    output_tokens: opt(count),
    max_tokens: opt(count),
    finish_reason: opt(z.enum(FINISH_REASONS)),
    temperature: opt(z.number().min(0, 'must be ≥ 0').max(100, 'must be ≤ 100')),
    thinking: opt(z.boolean()),
    status: opt(
      z
        .number()
        .int('must be an integer')
        .min(100, 'not an HTTP status')
        .max(599, 'not an HTTP status'),
    ),
  })
  .refine((e) => typeof e.prompt === 'string' || typeof e.prompt_sha256 === 'string', {
    path: ['prompt'],
    message: 'one of prompt or prompt_sha256 is required',
  });
export type EventInput = z.infer<typeof ZEvent>;

export const ZAccount = z.object({
  account_id: id(256),
  created_at: opt(ts),
  email_domain: opt(z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'not a domain name')),
  org_id: opt(id(256)),
  tier: opt(z.string().max(64)),
  country: opt(country),
  payment_fingerprint: opt(z.string().min(1).max(512)),
  signup_ip: opt(ip),
  verified: opt(z.boolean()),
  // The ToS version the account accepted (free text, e.g. "2026-03"); shown beside clause links.
  tos_version: opt(z.string().min(1).max(64)),
});
export type AccountInput = z.infer<typeof ZAccount>;

export type FieldKind = 'string' | 'int' | 'number' | 'bool';
/** Field kinds, used to coerce CSV cells and to list the known columns. */
export const EVENT_FIELDS: Record<keyof EventInput, FieldKind> = {
  id: 'string',
  ts: 'string',
  account_id: 'string',
  model: 'string',
  api_key_id: 'string',
  org_id: 'string',
  ip: 'string',
  asn: 'int',
  country: 'string',
  user_agent: 'string',
  conversation_id: 'string',
  turn: 'int',
  system_prompt: 'string',
  prompt: 'string',
  prompt_sha256: 'string',
  response: 'string',
  input_tokens: 'int',
  output_tokens: 'int',
  max_tokens: 'int',
  finish_reason: 'string',
  temperature: 'number',
  thinking: 'bool',
  status: 'int',
};
export const ACCOUNT_FIELDS: Record<keyof AccountInput, FieldKind> = {
  account_id: 'string',
  created_at: 'string',
  email_domain: 'string',
  org_id: 'string',
  tier: 'string',
  country: 'string',
  payment_fingerprint: 'string',
  signup_ip: 'string',
  verified: 'bool',
  tos_version: 'string',
};

/** "field: message" from the first zod issue, naming a missing required field plainly. */
export function firstIssue(err: z.ZodError): { field?: string; reason: string } {
  const i = err.issues[0];
  const field = i?.path.length ? i.path.join('.') : undefined;
  const missing = i?.code === 'invalid_type' && /received undefined/.test(i.message);
  const msg = missing ? 'is required' : (i?.message ?? 'invalid');
  return { field, reason: field ? `${field}: ${msg}` : msg };
}
