import { favourites, type ScenarioContext } from './context';
import { MODELS } from './models';
import { followUp, paraphrase, reasoningWrap } from './prompt-variants';
import { bucketPrompt } from './prompts';
import type { Rng } from './prng';
import { HUMAN_HOURS, WORK_HOURS, humanSessions } from './timing';
import type { Actor, Behaviour, Body } from './types';

const clampOut = (out: number, max: number) => Math.max(1, Math.min(Math.round(out), max));

/** Chat users (most accounts) and power users: bursty, multi-turn, diverse, human timing. */
export function chatBehaviour(
  ctx: ScenarioContext,
  a: Actor,
  n: number,
  power: boolean,
): Behaviour {
  const r = a.rng;
  const favs = favourites(ctx, r, power ? r.int(8, 15) : r.int(2, 6));
  const browser = a.infra.userAgents[0].startsWith('Mozilla');
  const maxTokens = r.pick(power ? [8192, 16000, 32000] : [1024, 2048, 4096, 4096, 8192]);
  const model = power
    ? r.pick([MODELS.opus, MODELS.sonnet])
    : r.pick([MODELS.sonnet, MODELS.sonnet, MODELS.haiku, MODELS.opus]);
  const temperature = r.chance(0.6) ? undefined : r.pick([0.3, 0.5, 0.7, 1]);
  const thinkingShare = power ? 0.4 : 0.03;
  const schedule = humanSessions(r, n, {
    tzMin: a.infra.tzMin,
    meanTurns: power ? 6 : 3.5,
    gapSec: power ? 50 : 70,
    activeDayProb: power ? r.range(0.7, 0.95) : r.range(0.1, 0.7),
    weekendFactor: power ? 0.8 : 0.6,
    hours: power ? HUMAN_HOURS.map((w) => w + 0.6) : HUMAN_HOURS,
    conversations: browser ? 'always' : 'multi',
  });
  return {
    schedule,
    body(i: number, e: Rng): Body {
      let bucket = e.chance(power ? 0.3 : 0.15) ? e.pick(ctx.buckets) : e.pick(favs);
      if (bucket.startsWith('benchmark/') || bucket === 'safety-probing') bucket = e.pick(favs);
      let prompt: string;
      if (schedule.turn[i] > 1 && e.chance(0.7)) {
        prompt = followUp(e);
        bucket = 'follow-up';
      } else if (ctx.personaPrompts.length > 0 && e.chance(0.3)) {
        prompt = e.pick(ctx.personaPrompts);
        bucket = 'persona';
      } else {
        prompt = bucketPrompt(e, bucket);
        if (e.chance(0.5)) prompt = paraphrase(e, prompt);
        if (e.chance(power ? 0.15 : 0.04)) prompt = reasoningWrap(e, prompt);
      }
      const thinking = e.chance(thinkingShare) ? true : undefined;
      return {
        model: model.name,
        prompt,
        bucket,
        maxTokens,
        outTokens: clampOut(e.logNormal(thinking ? 1500 : 350, 0.8), maxTokens),
        temperature: thinking ? 1 : temperature,
        thinking,
        hashed: a.params.hashed === true,
      };
    },
  };
}

const AGENT_SYSTEM = [
  "You are an autonomous coding agent working in the user's repository. Tools: read_file(path), write_file(path, content), " +
    'run_shell(command), search_code(query). Make small, verifiable changes and run the tests after each change.',
  'You are a software engineering assistant inside an IDE. You can call tools to open files, apply edits and run commands. ' +
    'Prefer minimal diffs. Explain each change briefly.',
];
const TOOL_RESULTS = [
  'Tool result (run_shell: npm test): 3 failed, 41 passed. FAILED src/api/pagination.test.ts > returns the next cursor',
  'Tool result (read_file src/server/routes.py): from flask import Flask, request\napp = Flask(__name__)\n@app.route("/items")\ndef items():\n    return list_items(request.args)',
  'Tool result (run_shell: pytest -q): 1 error: ImportError: cannot import name "parse_date" from utils.dates',
  'Tool result (search_code "retry"): src/http/client.ts:42, src/jobs/worker.ts:17',
  'Continue.',
  'Looks good, now update the docs.',
  'Tool result (write_file): ok',
  'The build still fails with TypeError: Cannot read properties of undefined (reading "id")',
];

/** Coding agents: high volume, long multi-turn sessions with tool use, long outputs. */
export function codingAgentBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const langs = ctx.buckets.filter((k) => k.startsWith('coding/'));
  const favs = r.shuffle([...langs]).slice(0, r.int(2, 5));
  const system = r.pick(AGENT_SYSTEM);
  const model = r.pick([MODELS.sonnet, MODELS.sonnet, MODELS.opus]);
  const maxTokens = r.pick([16000, 32000]);
  const thinking = r.chance(0.3) ? true : undefined;
  const schedule = humanSessions(r, n, {
    tzMin: a.infra.tzMin,
    meanTurns: 22,
    gapSec: 9,
    activeDayProb: r.range(0.4, 0.85),
    weekendFactor: 0.2,
    hours: WORK_HOURS,
    conversations: 'always',
  });
  return {
    schedule,
    body(i: number, e: Rng): Body {
      const first = schedule.turn[i] <= 1;
      const bucket = e.pick(favs);
      const prompt = first ? bucketPrompt(e, bucket) : e.pick(TOOL_RESULTS);
      const toolCall = !first && e.chance(0.55);
      return {
        model: model.name,
        system,
        prompt,
        bucket,
        maxTokens,
        thinking,
        temperature: thinking ? 1 : undefined,
        outTokens: clampOut(e.logNormal(toolCall ? 300 : 1100, 0.8), maxTokens),
        finish: toolCall ? 'tool_use' : undefined,
        hashed: a.params.hashed === true,
      };
    },
  };
}
