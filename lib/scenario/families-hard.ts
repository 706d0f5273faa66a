import type { ScenarioContext } from './context';
import { MODELS } from './models';
import { followUp, paraphrase, reasoningWrap } from './prompt-variants';
import { bucketPrompt } from './prompts';
import { HUMAN_HOURS, WORK_HOURS, humanSessions } from './timing';
import type { Actor, Behaviour, Body } from './types';

// Families added for issue 13: a quiet adaptive harvester that no single signal gives away, and
// heavy-but-benign broad users (curriculum builders, eval teams) that look like it on coverage.
// Every parameter is drawn per account from its seeded stream, so seeds vary the families.

const usable = (ctx: ScenarioContext) =>
  ctx.buckets.filter((b) => !b.startsWith('benchmark/') && b !== 'safety-probing');

/**
 * Quiet adaptive harvester: moderate volume, human-like sessions spread over most hours (relays
 * for several time zones), a paraphrased walk over the whole capability space in random order
 * (no template repeats, no sweep order), no step-by-step requests, 30-50 % ordinary traffic, long
 * answers to short prompts.
 */
export function adaptiveBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const buckets = usable(ctx);
  const cover = r.range(0.3, 0.5);
  const outMedian = r.range(1400, 2600);
  const flat = r.range(0.5, 0.9); // how far the hour profile is flattened towards round-the-clock
  const hours = HUMAN_HOURS.map((w) => w * (1 - flat) + flat);
  const maxTokens = r.pick([4096, 8192, 8192, 16000]);
  const model = r.chance(0.7) ? MODELS.opus : MODELS.sonnet;
  const schedule = humanSessions(r, n, {
    tzMin: a.infra.tzMin,
    meanTurns: r.range(1.1, 1.6),
    gapSec: r.range(40, 120),
    activeDayProb: r.range(0.8, 0.98),
    weekendFactor: 0.95,
    hours,
    conversations: 'multi',
  });
  return {
    schedule,
    body(i, e): Body {
      const temperature = Math.round(e.range(0.5, 1) * 10) / 10;
      if (schedule.turn[i] > 1 || e.chance(cover)) {
        const prompt =
          schedule.turn[i] > 1 || ctx.personaPrompts.length === 0
            ? followUp(e)
            : e.pick(ctx.personaPrompts);
        return {
          model: model.name,
          prompt,
          bucket: 'cover',
          maxTokens,
          outTokens: Math.round(e.logNormal(400, 0.7)),
          temperature,
        };
      }
      const bucket = e.pick(buckets);
      return {
        model: model.name,
        prompt: paraphrase(e, paraphrase(e, bucketPrompt(e, bucket))),
        bucket,
        maxTokens,
        outTokens: Math.min(maxTokens, Math.round(e.logNormal(outMedian, 0.5))),
        temperature,
      };
    },
  };
}

/**
 * Heavy-but-benign broad user (curriculum builder, eval team): high volume in working hours over
 * most capabilities, long structured answers, some step-by-step explanations for students,
 * follow-ups and revisits of its own material.
 */
export function broadBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  const r = a.rng;
  const buckets = usable(ctx);
  const breadth = r.range(0.5, 1);
  const mine = r.shuffle([...buckets]).slice(0, Math.max(8, Math.round(buckets.length * breadth)));
  const stepShare = r.range(0.05, 0.3);
  const maxTokens = r.pick([8192, 16000, 32000]);
  const model = r.chance(0.6) ? MODELS.opus : MODELS.sonnet;
  const schedule = humanSessions(r, n, {
    tzMin: a.infra.tzMin,
    meanTurns: r.range(2, 5),
    gapSec: r.range(30, 90),
    activeDayProb: r.range(0.6, 0.9),
    weekendFactor: 0.3,
    hours: WORK_HOURS,
    conversations: 'multi',
  });
  return {
    schedule,
    body(i, e): Body {
      const temperature = e.chance(0.5) ? undefined : e.pick([0.2, 0.5, 0.7, 1]);
      if (schedule.turn[i] > 1 && e.chance(0.6))
        return {
          model: model.name,
          prompt: followUp(e),
          bucket: 'follow-up',
          maxTokens,
          outTokens: Math.round(e.logNormal(600, 0.7)),
          temperature,
        };
      const bucket = e.pick(mine);
      let prompt = bucketPrompt(e, bucket);
      if (e.chance(0.4)) prompt = paraphrase(e, prompt);
      if (e.chance(stepShare)) prompt = reasoningWrap(e, prompt);
      return {
        model: model.name,
        prompt,
        bucket,
        maxTokens,
        outTokens: Math.min(maxTokens, Math.round(e.logNormal(1500, 0.6))),
        temperature,
      };
    },
  };
}
