import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { env } from '@/lib/env';
import { createContext } from './context';
import { Rng } from './prng';
import { bucketPrompt } from './prompts';
import { loadAwesomePrompts, resolvePromptsCsv } from './prompt-source';

// The scenario generator's "flat" mode: a fast, unlabelled, time-ordered stream of contract
// events for ingest benchmarks and tests (no families, no ground truth). Same seeded PRNG and
// the same prompt source as full scenarios: the CC0 prompt file named by SCENARIO_PROMPTS_CSV
// (lib/env.ts; default ../shared/data/awesome-chatgpt-prompts.csv), and when that file is absent,
// the scenario's own taxonomy templates, so a fresh clone generates without the shared folder.

let cached: { path: string; prompts: string[] } | null = null;
function prompts(): string[] {
  const path = resolvePromptsCsv(env().SCENARIO_PROMPTS_CSV);
  if (cached?.path === path) return cached.prompts;
  let list = loadAwesomePrompts(path).prompts;
  if (list.length === 0) {
    const ctx = createContext([]);
    const r = new Rng('flat-templates');
    list = ctx.buckets.flatMap((b) => [0, 1, 2].map((v) => bucketPrompt(r, b, v)));
  }
  cached = { path, prompts: list };
  return list;
}

export interface FlatOptions {
  events: number;
  accounts?: number;
  seed?: number;
  start?: string;
  hashOnly?: boolean;
}

export function* generateFlatEvents(o: FlatOptions): Generator<Record<string, unknown>> {
  const p = prompts();
  const r = new Rng('flat', o.seed ?? 42);
  const rnd = () => r.next();
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
