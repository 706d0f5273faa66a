import type { ScenarioContext } from './context';
import {
  benchmarkBehaviour,
  hydraBehaviour,
  lowSlowBehaviour,
  reasoningBehaviour,
  sweepBehaviour,
} from './families-attack';
import { chatBehaviour, codingAgentBehaviour } from './families-benign';
import { batchBehaviour, evalBehaviour } from './families-pipelines';
import { adaptiveBehaviour, broadBehaviour } from './families-hard';
import type { Actor, Behaviour, Family } from './types';

export function createBehaviour(ctx: ScenarioContext, a: Actor, n: number): Behaviour {
  switch (a.family) {
    case 'chat':
      return chatBehaviour(ctx, a, n, false);
    case 'power':
      return chatBehaviour(ctx, a, n, true);
    case 'coding_agent':
      return codingAgentBehaviour(ctx, a, n);
    case 'eval':
      return evalBehaviour(ctx, a, n);
    case 'batch':
      return batchBehaviour(ctx, a, n);
    case 'sweep':
      return sweepBehaviour(ctx, a, n);
    case 'reasoning':
      return reasoningBehaviour(ctx, a, n);
    case 'benchmark':
      return benchmarkBehaviour(ctx, a, n);
    case 'hydra':
      return hydraBehaviour(ctx, a, n);
    case 'lowslow':
      return lowSlowBehaviour(ctx, a, n);
    case 'adaptive':
      return adaptiveBehaviour(ctx, a, n);
    case 'broad':
      return broadBehaviour(ctx, a, n);
    case 'cowork':
      return chatBehaviour(ctx, a, n, false);
  }
}

/** Share of requests answered 429: heavy automated users hit rate limits now and then. */
export const RATE_LIMITED: Record<Family, number> = {
  chat: 0.002,
  power: 0.004,
  coding_agent: 0.01,
  eval: 0.01,
  batch: 0.01,
  sweep: 0.04,
  reasoning: 0.03,
  benchmark: 0.03,
  hydra: 0.005,
  lowslow: 0.002,
  adaptive: 0.003,
  broad: 0.008,
  cowork: 0.002,
};
