import { benchmarkItem, suiteSize, type Suite } from './benchmarks';
import type { ScenarioContext } from './context';
import { MODELS } from './models';
import { bucketPrompt } from './prompts';
import { Rng } from './prng';
import { SENTENCES } from './slots-text';
import { evalRuns, hourlyBatches } from './timing';
import type { Actor, Behaviour, Body } from './types';

/**
 * Legitimate automated users, the hard negatives of detection: evaluation harnesses (benchmark
 * items and capability suites across many buckets, temperature 0, bursts of regular requests,
 * repeated runs of the same items) and batch pipelines (one narrow templated capability, cron).
 */
export function evalBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const runs = Math.max(2, Math.min(12, Math.round(n / 400)));
  const perRun = Math.ceil(n / runs);
  const suites: Suite[] = r.shuffle(['mmlu', 'gsm', 'code'] as Suite[]).slice(0, r.int(1, 3));
  const capability = r
    .shuffle(ctx.buckets.filter((k) => !k.startsWith('benchmark/')))
    .slice(0, r.int(10, ctx.buckets.length - 3));
  const capShare = r.range(0.2, 0.6);
  const benchItems = Math.max(1, Math.round(perRun * (1 - capShare)));
  const models = [MODELS.opus, MODELS.sonnet, MODELS.haiku];
  const schedule = evalRuns(r, n, { runs, nightly: r.chance(0.4), tzMin: a.infra.tzMin });
  const seedTag = r.hex(8);
  return {
    schedule,
    body(i: number, e: Rng): Body {
      const run = Math.floor(i / perRun);
      const j = i % perRun;
      const model = models[run % models.length].name;
      if (j < benchItems) {
        const suite = suites[j % suites.length];
        const item = Math.floor(j / suites.length) % suiteSize(suite);
        const short = suite === 'mmlu';
        return {
          model,
          prompt: benchmarkItem(suite, item),
          bucket: `benchmark/${suite}`,
          temperature: 0,
          maxTokens: short ? 16 : 512,
          outTokens: short ? 1 : Math.round(e.logNormal(180, 0.5)),
        };
      }
      // capability suite: bucket by bucket, the same items every run
      const k = j - benchItems;
      const bucket =
        capability[Math.floor((k * capability.length) / Math.max(1, perRun - benchItems))] ??
        capability[0];
      const prompt = bucketPrompt(new Rng(seedTag, k), bucket, k);
      return {
        model,
        prompt,
        bucket,
        temperature: 0,
        maxTokens: 1024,
        outTokens: Math.round(e.logNormal(250, 0.6)),
      };
    },
  };
}

const BATCH_TASKS = [
  {
    bucket: 'translation/french',
    system:
      'You are a translation engine. Translate the user text into French. Output only the translation.',
  },
  {
    bucket: 'translation/spanish',
    system:
      'You are a translation engine. Translate the user text into Spanish. Output only the translation.',
  },
  {
    bucket: 'translation/german',
    system:
      'You are a translation engine. Translate the user text into German. Output only the translation.',
  },
  {
    bucket: 'translation/japanese',
    system: 'Translate the following product text into Japanese for our catalogue.',
  },
  {
    bucket: 'summarisation',
    system:
      'Summarise support tickets for the weekly report. Reply with at most three bullet points.',
  },
  {
    bucket: 'data/extraction',
    system: 'Extract the fields as JSON: {"date","amount","currency","vendor"}. Output JSON only.',
  },
  {
    bucket: 'data/classification',
    system: 'Classify the sentiment of the review as positive, negative or neutral. One word.',
  },
];

export function batchBehaviour(_ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const task = r.pick(BATCH_TASKS);
  const templated = r.chance(0.5); // half embed the instruction in a fixed template, half rely on the system prompt
  const variant = r.int(0, 3);
  const temperature = r.pick([0, 0.2]);
  const schedule = hourlyBatches(r, n, {
    minute: r.int(0, 59),
    itemGapSec: r.range(0.5, 3),
    businessHoursOnly: r.chance(0.3),
  });
  return {
    schedule,
    body(_i: number, e: Rng): Body {
      const doc = Array.from({ length: e.int(2, 6) }, () => e.pick(SENTENCES)).join(' ');
      const prompt = templated ? bucketPrompt(e, task.bucket, variant) : doc;
      const inTok = prompt.length / 4;
      const out = task.bucket.startsWith('translation')
        ? inTok * 1.2
        : task.bucket === 'summarisation'
          ? 90
          : task.bucket === 'data/extraction'
            ? 60
            : 2;
      return {
        model: MODELS.haiku.name,
        system: task.system,
        prompt,
        bucket: task.bucket,
        temperature,
        maxTokens: 2048,
        outTokens: Math.max(1, Math.round(out * e.range(0.8, 1.2))),
        hashed: a.params.hashed === true,
      };
    },
  };
}
