import { TAXONOMY_BUCKETS } from '../features/taxonomy';
import { generatableBuckets } from './prompts';
import type { Rng } from './prng';

/** Shared, read-only inputs of one scenario run. */
export interface ScenarioContext {
  /** real prompts from the CC0 CSV (may be empty when the file is missing) */
  personaPrompts: string[];
  /** taxonomy bucket keys the generator can produce, in taxonomy order */
  buckets: string[];
  /** buckets that ordinary users visit, with popularity weights */
  popular: { keys: string[]; weights: number[] };
}

const POPULARITY: Record<string, number> = {
  'coding/python': 8,
  'coding/javascript': 6,
  'coding/debugging': 6,
  'coding/general': 5,
  'coding/sql': 3,
  'coding/web': 3,
  'writing/business': 7,
  'writing/creative': 5,
  'writing/editing': 7,
  'writing/academic': 4,
  summarisation: 7,
  'qa/general-knowledge': 6,
  'qa/advice-lifestyle': 6,
  'qa/history-humanities': 2,
  'translation/spanish': 2,
  'translation/french': 2,
  'translation/german': 1,
  'translation/other': 1,
  'data/analysis': 3,
  'data/extraction': 2,
  'domain/finance': 2,
  'domain/legal': 1,
  'science/medicine': 2,
  'education/tutoring': 3,
  'math/algebra': 1,
  'math/word-problems': 1,
  'reasoning/planning': 2,
  'roleplay/persona': 2,
  'tool-use': 1,
};

export function createContext(personaPrompts: string[]): ScenarioContext {
  const buckets = generatableBuckets(TAXONOMY_BUCKETS.map((b) => b.key));
  // every generatable bucket gets a small baseline, so benign users reach rare buckets too
  const keys = buckets.filter((k) => !k.startsWith('benchmark/') && k !== 'safety-probing');
  return {
    personaPrompts,
    buckets,
    popular: { keys, weights: keys.map((k) => POPULARITY[k] ?? 0.3) },
  };
}

/** k distinct favourite buckets drawn by popularity. */
export function favourites(ctx: ScenarioContext, r: Rng, k: number): string[] {
  const out = new Set<string>();
  for (let guard = 0; out.size < k && guard < k * 20; guard++)
    out.add(ctx.popular.keys[r.weighted(ctx.popular.weights)]);
  return [...out];
}
