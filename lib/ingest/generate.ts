import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseCsvRecords } from '@/lib/scenario/csv';

// Realistic synthetic events for the benchmark and the tests: prompts drawn from the CC0
// awesome-chatgpt-prompts file (../shared/data), with per-event variations, time-ordered.
const CSV = path.resolve(process.cwd(), '../shared/data/awesome-chatgpt-prompts.csv');
let cachedPrompts: string[] | null = null;
function prompts(): string[] {
  cachedPrompts ??= parseCsvRecords(readFileSync(CSV, 'utf8'))
    .map((r) => r.prompt)
    .filter(Boolean);
  return cachedPrompts;
}

export interface GenOptions {
  events: number;
  accounts?: number;
  seed?: number;
  start?: string;
  hashOnly?: boolean;
}

export function* generateEvents(o: GenOptions): Generator<Record<string, unknown>> {
  const p = prompts();
  let seed = o.seed ?? 42;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const accounts = o.accounts ?? Math.max(10, Math.round(o.events / 1000));
  const models = ['claude-opus-5', 'claude-sonnet-5', 'claude-haiku-5'];
  const uas = [
    'anthropic-python/0.72.0',
    'anthropic-typescript/0.70.1',
    'curl/8.5.0',
    'httpx/0.28.1',
  ];
  const finish = ['stop', 'stop', 'stop', 'length', 'tool_use'] as const;
  const systems = [
    'You are a helpful assistant.',
    'You are an expert tutor. Explain every step.',
    null,
    null,
  ];
  let t = Date.parse(o.start ?? '2026-10-01T00:00:00Z');
  const span = 42 * 86_400_000; // six weeks
  const step = span / Math.max(1, o.events);
  for (let i = 0; i < o.events; i++) {
    t += Math.floor(rnd() * 2 * step);
    const a = Math.floor(rnd() * rnd() * accounts);
    const base = pick(p);
    // start at one of the first sentence boundaries: prompt families repeat as real traffic does,
    // with a varying number (normalised to 0 by the features, so the template stays the same)
    const starts = [0, ...[...base.matchAll(/\. /g)].slice(0, 3).map((m) => (m.index ?? 0) + 2)];
    const prompt = `${base.slice(pick(starts))} (case ${Math.floor(rnd() * 10_000)})`;
    const conv = rnd() < 0.4 ? `c-${a}-${Math.floor(i / 7)}` : null;
    const ev: Record<string, unknown> = {
      id: `ev-${o.seed ?? 42}-${i}`,
      ts: new Date(t).toISOString(),
      account_id: `acct-${a}`,
      model: pick(models),
      api_key_id: `key-${a}-${Math.floor(rnd() * 3)}`,
      org_id: a % 5 === 0 ? `org-${a % 97}` : null,
      ip: `10.${a % 251}.${(a >> 3) % 251}.${Math.floor(rnd() * 250) + 1}`,
      asn: 64_512 + (a % 300),
      country: pick(['US', 'DE', 'SG', 'BR']),
      user_agent: pick(uas),
      conversation_id: conv,
      turn: conv ? 1 + Math.floor(rnd() * 6) : null,
      system_prompt: pick(systems),
      input_tokens: Math.ceil(prompt.length / 4),
      output_tokens: Math.floor(rnd() * 1500),
      max_tokens: pick([1024, 4096, 8192]),
      finish_reason: pick(finish),
      temperature: pick([0, 0.7, 1]),
      thinking: rnd() < 0.2,
      status: rnd() < 0.01 ? 429 : 200,
      response: pick(p).slice(0, 200 + Math.floor(rnd() * 400)),
    };
    if (o.hashOnly) ev.prompt_sha256 = (i.toString(16) + 'a'.repeat(64)).slice(0, 64);
    else ev.prompt = prompt;
    if (i % 50 === 0) ev.sdk_extra = { region: pick(['eu', 'us']) }; // unknown field → extra
    yield ev;
  }
}

/** Writes NDJSON to a file, honouring backpressure. */
export async function writeNdjson(
  file: string,
  rows: Iterable<Record<string, unknown>>,
): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  for (const r of rows) if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
