/**
 * Throughput check for computeEventFeatures (not a test): `npm run bench:features -- [n]`.
 * Prompts are 200-2000 characters cut from the CC0 awesome-chatgpt-prompts file with digits and
 * repeated system prompts mixed in, which is what the ingest pipeline sees.
 */
import { computeEventFeatures } from '@/lib/features';
import { env } from '@/lib/env';
import { Rng } from '@/lib/scenario/prng';
import { loadAwesomePrompts, resolvePromptsCsv } from '@/lib/scenario/prompt-source';

const n = Number(process.argv[2] ?? 300_000);
// The scenario generator's prompt file (SCENARIO_PROMPTS_CSV) and seeded PRNG: one source of both.
const csvPath = resolvePromptsCsv(env().SCENARIO_PROMPTS_CSV);
const texts = loadAwesomePrompts(csvPath).prompts;
if (texts.length === 0) throw new Error(`bench:features needs the prompt file ${csvPath}`);
const rng = new Rng('bench-features');
const prompts: string[] = [];
for (let i = 0; i < 5000; i++) {
  const target = rng.int(200, 1999);
  let s = `Request ${rng.int(0, 999_999)}: `;
  while (s.length < target) s += rng.pick(texts) + '\n';
  prompts.push(s.slice(0, target));
}
const systems = [
  'You are a helpful assistant.',
  'You are a coding agent with tools: read_file, write_file, run_tests.',
  '',
];
// JSON round trip: the ingest gets flat strings from JSON.parse, not sliced/cons strings
const events = (JSON.parse(JSON.stringify(prompts)) as string[]).map((p, i) => ({
  prompt: p,
  system_prompt: systems[i % 3] || null,
  conversation_id: i % 2 ? `c${i}` : null,
  turn: i % 2 ? 2 : null,
  input_tokens: p.length >> 2,
  output_tokens: 300,
}));
const avg = prompts.reduce((a, p) => a + p.length, 0) / prompts.length;
function measure(list: typeof events, count: number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += computeEventFeatures(list[i % list.length]).lshBucket; // warm-up
  // CPU time of this process, not wall time: the figure stays meaningful on a shared machine
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) sink += computeEventFeatures(list[i % list.length]).lshBucket;
  const c1 = process.cpuUsage(c0);
  if (sink === -1) console.log(sink);
  return count / ((c1.user + c1.system) / 1e6);
}
// Reference point for this machine: a bare loop that only reads every character once.
function floor(list: string[], count: number): number {
  let sink = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const s = list[i % list.length];
    for (let j = 0; j < s.length; j++) sink = (sink + s.charCodeAt(j)) | 0;
  }
  const c1 = process.cpuUsage(c0);
  if (sink === 1) console.log(sink);
  return count / ((c1.user + c1.system) / 1e6);
}
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`computeEventFeatures, ${n} events per figure (single thread, per CPU-second):`);
console.log(
  `  mixed 200-2000 chars (avg ${avg.toFixed(0)}): ${fmt(measure(events, n))} events/s` +
    `  [bare character loop over the same text: ${fmt(
      floor(
        events.map((e) => e.prompt),
        n,
      ),
    )} prompts/s]`,
);
for (const size of [200, 500, 1000, 2000]) {
  const sized = events.map((e) => ({
    ...e,
    prompt: e.prompt.padEnd(size, ' filler text').slice(0, size),
  }));
  const flat = JSON.parse(JSON.stringify(sized)) as typeof events;
  console.log(
    `  ${String(size).padStart(4)} chars: ${fmt(measure(flat, Math.round(n / 2)))} events/s`,
  );
}
