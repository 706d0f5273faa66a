import { benchmarkItem, suiteSize, type Suite } from './benchmarks';
import type { Rng } from './prng';
import { SLOTS } from './slots';
import { TEXT_SLOTS } from './slots-text';
import { CODING_TEMPLATES } from './templates-coding';
import { LANGUAGE_TEMPLATES } from './templates-language';
import { STEM_SLOTS, STEM_TEMPLATES } from './templates-stem';

type Slot = readonly string[] | ((r: Rng) => string);
type Part = string | Slot;

const ALL_SLOTS: Record<string, Slot> = { ...SLOTS, ...TEXT_SLOTS, ...STEM_SLOTS };
const RAW: Record<string, readonly string[]> = {
  ...CODING_TEMPLATES,
  ...STEM_TEMPLATES,
  ...LANGUAGE_TEMPLATES,
};

export const BENCHMARK_BUCKETS: Record<string, Suite> = {
  'benchmark/multiple-choice': 'mmlu',
  'benchmark/grade-school-math': 'gsm',
  'benchmark/code-completion': 'code',
};

/** Template split once into literal text and slot parts (fast fill). */
function compile(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const slot = ALL_SLOTS[m[1]];
    if (!slot) throw new Error(`unknown slot {${m[1]}} in "${template}"`);
    parts.push(template.slice(last, m.index), slot);
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

const COMPILED = new Map<string, Part[][]>(
  Object.entries(RAW).map(([k, ts]) => [k, ts.map(compile)]),
);

/** Every taxonomy bucket key the generator can produce prompts for, in taxonomy order. */
export function generatableBuckets(taxonomyKeys: readonly string[]): string[] {
  return taxonomyKeys.filter((k) => COMPILED.has(k) || k in BENCHMARK_BUCKETS);
}

function fill(parts: Part[], r: Rng): string {
  let s = '';
  for (const p of parts) {
    if (typeof p === 'string') s += p;
    else s += typeof p === 'function' ? p(r) : p[Math.floor(r.next() * p.length)];
  }
  return s;
}

/** A prompt for the bucket; `variant` pins the template (sweeps walk templates in order). */
export function bucketPrompt(r: Rng, key: string, variant?: number): string {
  const suite = BENCHMARK_BUCKETS[key];
  if (suite) return benchmarkItem(suite, r.int(0, suiteSize(suite) - 1));
  const ts = COMPILED.get(key);
  if (!ts) throw new Error(`no templates for bucket ${key}`);
  const i = variant === undefined ? Math.floor(r.next() * ts.length) : variant % ts.length;
  return fill(ts[i], r);
}
