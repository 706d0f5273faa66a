/**
 * Synthetic traffic with ground truth (product brief, "Command line"):
 *   npm run scenario -- --accounts N --events M --seed S --out DIR [--mix default|alt|scale]
 * Writes DIR/accounts.ndjson, DIR/events.ndjson, DIR/truth.ndjson and DIR/scenario.json.
 * SCENARIO_PROMPTS_CSV overrides the prompt file (default ../shared/data/awesome-chatgpt-prompts.csv,
 * relative to the current directory).
 */
import { env } from '@/lib/env';
import { parseArgs } from 'node:util';
import { generateScenario } from '../lib/scenario/generate';
import { scaleHydraMean, type MixName } from '../lib/scenario/mix';
import { resolvePromptsCsv } from '../lib/scenario/prompt-source';

const USAGE =
  'usage: npm run scenario -- --accounts N --events M --seed S --out DIR [--mix default|alt|scale]';

function int(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    events: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    mix: { type: 'string', default: 'default' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const MIXES = ['default', 'alt', 'scale'];
if (!values.out || !MIXES.includes(values.mix ?? '')) {
  console.error(USAGE);
  process.exit(2);
}
const accounts = int('accounts', values.accounts, 1000);
const events = int('events', values.events, 100_000);
const seed = int('seed', values.seed, 1);
// CLI entry point: the only place the scenario generator reads the environment.
const promptsCsv = resolvePromptsCsv(env().SCENARIO_PROMPTS_CSV);

const t0 = Date.now();
let lastLine = 0;
try {
  const summary = generateScenario({
    accounts,
    events,
    seed,
    mix: values.mix as MixName,
    // as npm run scale: the hydra members average the reported exchanges per account, scaled
    ...(values.mix === 'scale' ? { hydraMean: scaleHydraMean(events, accounts) } : {}),
    outDir: values.out,
    promptsCsv,
    onProgress: ({ phase, done, total }) => {
      const now = Date.now();
      if (done < total && now - lastLine < 1000) return;
      lastLine = now;
      const secs = (now - t0) / 1000;
      const rate =
        phase === 'events' && secs > 0
          ? ` (${Math.round(done / secs).toLocaleString('en-US')}/s)`
          : '';
      console.log(
        `${phase}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}${rate}`,
      );
    },
  });
  if (!summary.promptsCsv)
    console.warn(`warning: ${promptsCsv} not found: prompts come from templates only`);
  console.log(
    `\nwrote ${values.out}: ${summary.totals.accounts} accounts, ${summary.totals.events} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log('family          label   accounts     events');
  for (const [f, c] of Object.entries(summary.families)) {
    console.log(
      `${f.padEnd(15)} ${c.label.padEnd(7)} ${String(c.accounts).padStart(8)} ${String(c.events).padStart(10)}`,
    );
  }
} catch (err) {
  console.error(`scenario: ${(err as Error).message}`);
  process.exit(1);
}
