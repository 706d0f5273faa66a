import { benchmarkItem, suiteSize, type Suite } from './benchmarks';
import type { ScenarioContext } from './context';
import { MODELS } from './models';
import { followUp, paraphrase, reasoningWrap } from './prompt-variants';
import { bucketPrompt } from './prompts';
import type { Rng } from './prng';
import { DAYS, fromHourlyProfile, humanSessions, regularStream } from './timing';
import type { Actor, Behaviour, Body } from './types';

const CAP = MODELS.opus.maxOutput;
const harvestOut = (e: Rng, median: number, lengthShare: number) =>
  e.chance(lengthShare) ? CAP : Math.min(CAP - 1, Math.round(e.logNormal(median, 0.45)));

/** Shared plan of a multi-account campaign (hydra, lowslow), fixed when the accounts are made. */
export interface Campaign {
  id: string;
  order: string[];
  /** total events of all members: set once volumes are known */
  total: number;
  system: string[];
  temperature: number;
  /** cumulative per-hour activity weights over the window (hydra scheduler) */
  profile?: Float64Array;
}

/** Position j of a campaign's global sweep -> bucket: every bucket once, in campaign order. */
function sweepBucket(order: string[], j: number, total: number): string {
  return order[Math.min(order.length - 1, Math.floor((j * order.length) / Math.max(1, total)))];
}

/** One account walks the taxonomy bucket by bucket with slot-filled templates, around the clock. */
export function sweepBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const start = r.int(0, ctx.buckets.length - 1);
  const order = [...ctx.buckets.slice(start), ...ctx.buckets.slice(0, start)];
  const temperature = r.pick([0.7, 1]);
  const system = r.chance(0.5)
    ? 'You are a helpful assistant. Always give complete, detailed answers.'
    : undefined;
  const schedule = regularStream(r, n, { fromDay: r.int(0, 12), toDay: DAYS, jitter: 0.15 });
  return {
    schedule,
    body: (i, e) => ({
      model: MODELS.opus.name,
      system,
      prompt: bucketPrompt(e, sweepBucket(order, i, n), i),
      bucket: sweepBucket(order, i, n),
      maxTokens: CAP,
      outTokens: harvestOut(e, 3000, 0.3),
      temperature,
    }),
  };
}

const REASONING_BUCKETS = (ctx: ScenarioContext) =>
  ctx.buckets.filter((k) => /^(math|reasoning|science)\//.test(k) || k === 'coding/algorithms');

/** Reasoning-trace harvesting: step-by-step prompts with extended thinking and long outputs. */
export function reasoningBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const buckets = REASONING_BUCKETS(ctx);
  const schedule = regularStream(r, n, { fromDay: r.int(0, 15), toDay: DAYS, jitter: 0.35 });
  return {
    schedule,
    body(_i, e): Body {
      const bucket = e.pick(buckets);
      const base = bucketPrompt(e, bucket);
      return {
        model: MODELS.opus.name,
        prompt: e.chance(0.9) ? reasoningWrap(e, base) : base,
        bucket,
        maxTokens: CAP,
        outTokens: harvestOut(e, 7000, 0.15),
        thinking: true,
        temperature: 1,
      };
    },
  };
}

/** Benchmark replay: benchmark items in order, temperature 0, maximal answers. */
export function benchmarkBehaviour(_ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const suites: Suite[] = r.shuffle(['mmlu', 'gsm', 'code'] as Suite[]);
  const explain = r.chance(0.6);
  const schedule = regularStream(r, n, { fromDay: r.int(0, 10), toDay: DAYS, jitter: 0.05 });
  return {
    schedule,
    body(i, e): Body {
      let k = i;
      let suite = suites[0];
      for (const s of suites) {
        suite = s;
        if (k < suiteSize(s)) break;
        k -= suiteSize(s);
      }
      const item = benchmarkItem(suite, k % suiteSize(suite));
      return {
        model: MODELS.opus.name,
        prompt: explain ? `${item}\nExplain your reasoning in detail.` : item,
        bucket: `benchmark/${suite}`,
        maxTokens: CAP,
        outTokens: harvestOut(e, 900, 0.05),
        temperature: 0,
      };
    },
  };
}

/** Hydra member: its slice of one campaign-wide sweep, at ordinary volume, on a shared schedule. */
export function hydraBehaviour(_ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const c = a.params.campaign as Campaign;
  const offset = a.params.offset as number;
  const schedule = fromHourlyProfile(a.rng, n, c.profile as Float64Array);
  return {
    schedule,
    body(i, e): Body {
      const j = offset + i;
      const bucket = sweepBucket(c.order, j, c.total);
      return {
        model: MODELS.opus.name,
        system: c.system[0],
        prompt: bucketPrompt(e, bucket, j),
        bucket,
        maxTokens: CAP,
        outTokens: harvestOut(e, 2500, 0.25),
        temperature: c.temperature,
      };
    },
  };
}

/** Adaptive low-and-slow member: paraphrased slice of a sweep mixed with ordinary chat, human timing. */
export function lowSlowBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const c = a.params.campaign as Campaign;
  const offset = a.params.offset as number;
  const r = a.rng;
  const system = r.pick(c.system);
  const schedule = humanSessions(r, n, {
    tzMin: a.infra.tzMin,
    meanTurns: 1.8,
    gapSec: 90,
    activeDayProb: r.range(0.4, 0.7),
    weekendFactor: 0.7,
    conversations: 'multi',
  });
  return {
    schedule,
    body(i, e): Body {
      const maxTokens = e.pick([4096, 8192]);
      const model = e.chance(0.6) ? MODELS.opus.name : MODELS.sonnet.name;
      const temperature = Math.round(e.range(0.6, 1) * 10) / 10;
      if (e.chance(0.4)) {
        const chatty =
          schedule.turn[i] > 1 || ctx.personaPrompts.length === 0
            ? followUp(e)
            : e.pick(ctx.personaPrompts);
        return {
          model,
          prompt: chatty,
          bucket: 'cover',
          maxTokens,
          outTokens: Math.round(e.logNormal(400, 0.7)),
          temperature,
        };
      }
      const bucket = sweepBucket(c.order, offset + i, c.total);
      let prompt = paraphrase(e, bucketPrompt(e, bucket));
      if (e.chance(0.25)) prompt = reasoningWrap(e, prompt);
      return {
        model,
        system,
        prompt,
        bucket,
        maxTokens,
        outTokens: Math.min(maxTokens, Math.round(e.logNormal(1800, 0.6))),
        temperature,
        thinking: e.chance(0.2) ? true : undefined,
      };
    },
  };
}
