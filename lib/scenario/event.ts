import { createHash } from 'node:crypto';
import { ipIn } from './infra';
import { syntheticResponse } from './prompt-variants';
import type { Rng } from './prng';
import type { Actor, Body, FinishReason } from './types';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
const dayPrefix = new Map<number, string>();

/** ISO-8601 with millisecond precision and an explicit offset ('Z' or ±HH:MM); hot path, no Date per call. */
export function formatTs(ms: number, offsetMin: number | null): string {
  const local = Math.floor(ms) + (offsetMin ?? 0) * 60_000;
  const day = Math.floor(local / 86_400_000);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined)
    dayPrefix.set(day, (prefix = new Date(day * 86_400_000).toISOString().slice(0, 11)));
  let rest = local - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const time = `${prefix}${pad2(h)}:${pad2(m)}:${pad2(sec)}.${pad3(rest - sec * 1000)}`;
  if (offsetMin === null) return `${time}Z`;
  const a = Math.abs(offsetMin);
  return `${time}${offsetMin < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** JSON string literal, cached for strings that repeat (system prompts, user agents, models). */
const quoted = new Map<string, string>();
function q(s: string): string {
  let v = quoted.get(s);
  if (v === undefined) {
    v = JSON.stringify(s);
    if (quoted.size < 10_000) quoted.set(s, v);
  }
  return v;
}

export interface EventInput {
  id: string;
  ms: number;
  conv: number;
  turn: number;
  body: Body;
}

/** One NDJSON event line that follows the data contract; absent optional fields are omitted. */
export function eventLine(a: Actor, x: EventInput, r: Rng, rateLimitShare: number): string {
  const b = x.body;
  const key = keyAt(a, x.ms);
  const prefix =
    a.infra.prefixes.length === 1 || r.chance(0.8) ? a.infra.prefixes[0] : r.pick(a.infra.prefixes);
  const ua = a.infra.userAgents.length === 1 ? a.infra.userAgents[0] : r.pick(a.infra.userAgents);
  const status = r.chance(rateLimitShare) ? 429 : r.chance(0.001) ? 500 : 200;
  const ok = status === 200;
  const out = ok ? Math.max(1, Math.min(b.outTokens, b.maxTokens)) : 0;
  const finish: FinishReason = !ok ? 'error' : out >= b.maxTokens ? 'length' : (b.finish ?? 'stop');
  const history = x.turn > 1 ? (x.turn - 1) * 220 : 0;
  // Built by hand in contract order: JSON.stringify of an object per event was the generator's hot spot.
  // Ids, keys, ips and country codes are generated here and never need escaping.
  let line =
    `{"id":"${x.id}","ts":"${formatTs(x.ms, a.infra.tsOffsetMin)}","account_id":"${a.account.account_id}",` +
    `"model":${q(b.model)},"api_key_id":"${key}","org_id":"${a.account.org_id}","ip":"${ipIn(prefix, r)}",` +
    `"asn":${a.infra.asn},"country":"${a.account.country}","user_agent":${q(ua)}`;
  if (x.conv >= 0)
    line += `,"conversation_id":"conv_${a.account.account_id.slice(5, 13)}_${x.conv.toString(36)}","turn":${x.turn}`;
  if (b.system) line += `,"system_prompt":${q(b.system)}`;
  if (b.hashed)
    line += `,"prompt_sha256":"${createHash('sha256').update(b.prompt, 'utf8').digest('hex')}"`;
  else line += `,"prompt":${JSON.stringify(b.prompt)}`;
  if (ok && !b.hashed) line += `,"response":${JSON.stringify(syntheticResponse(r, b.bucket))}`;
  line +=
    `,"input_tokens":${Math.ceil((b.prompt.length + (b.system?.length ?? 0)) / 4) + history},"output_tokens":${out}` +
    `,"max_tokens":${b.maxTokens},"finish_reason":"${finish}"`;
  if (b.temperature !== undefined) line += `,"temperature":${b.temperature}`;
  if (b.thinking !== undefined) line += `,"thinking":${b.thinking}`;
  return `${line},"status":${status}}`;
}

function keyAt(a: Actor, ms: number): string {
  let id = a.keys[0].id;
  for (const k of a.keys) if (k.createdMs <= ms) id = k.id;
  return id;
}
