import { compileTaxonomy, TAXONOMY_VERSION, type TaxonomyBucket } from './taxonomy-rules';
import { popcount32 } from './hash32';
import { scanText, type ScanResult } from './scan';

export { TAXONOMY_VERSION, type TaxonomyBucket };

const T = compileTaxonomy();
const B = T.buckets.length;

/** All buckets of the current version, in file order (id 0 = unknown, 1 = other). */
export const TAXONOMY_BUCKETS: readonly TaxonomyBucket[] = Object.freeze(
  T.buckets.map(({ id, key, label, description }) =>
    Object.freeze({ id, key, label, description }),
  ),
);
export const UNKNOWN_BUCKET_ID = 0;

const byId = new Map(TAXONOMY_BUCKETS.map((b) => [b.id, b]));
const byKey = new Map(TAXONOMY_BUCKETS.map((b) => [b.key, b]));
export const bucketById = (id: number): TaxonomyBucket | undefined => byId.get(id);
export const bucketByKey = (key: string): TaxonomyBucket | undefined => byKey.get(key);

// Prompt words count double, system-prompt words once (systemPromptFactor 0.5 in the file).
const PROMPT_MUL = 2;
const SYSTEM_MUL = 1;
const TAIL_CHARS = 800;

const scores = new Int32Array(T.slots);
const systemCache = new Map<string, Int32Array>();

function systemScores(systemPrompt: string): Int32Array {
  let s = systemCache.get(systemPrompt);
  if (!s) {
    s = new Int32Array(T.slots);
    scanText(systemPrompt, T.table, s, SYSTEM_MUL, T.maxWords, false);
    if (systemCache.size >= 1024) systemCache.clear(); // system prompts repeat a lot; keep it bounded
    systemCache.set(systemPrompt, s);
  }
  return s;
}

export interface Analysis {
  scan: ScanResult;
  bucketIndex: number;
  reasoning: boolean;
}

/**
 * Scan prompt text once: taxonomy bucket, reasoning cue, and (optionally) SimHash.
 * Exported for computeEventFeatures; callers outside lib/features use classifyPrompt.
 */
export function analyseText(
  text: string,
  systemPrompt: string | null | undefined,
  wantSimhash: boolean,
): Analysis {
  scores.fill(0);
  const scan = scanText(text, T.table, scores, PROMPT_MUL, T.maxWords, wantSimhash);
  if (scan.words > T.maxWords) {
    // instructions are often appended at the end of long documents ("think step by step")
    scanText(text.slice(-TAIL_CHARS), T.table, scores, PROMPT_MUL, T.maxWords, false);
  }
  const question = scan.endsWithQuestion || scores[T.cueSlot.question] > 0; // prompt only
  if (systemPrompt) {
    const s = systemScores(systemPrompt);
    for (let i = 0; i < T.slots; i++) scores[i] += s[i];
  }
  return {
    scan,
    bucketIndex: pickBucket(scan, question),
    reasoning: scores[T.cueSlot.reasoning] > 0,
  };
}

// Flat per-bucket rule arrays so picking a bucket is a tight loop over typed arrays.
const FEATURES = ['choice', 'arith', 'code', 'doctest', 'cjk'] as const;
const F = FEATURES.length;
const featureWeight = new Int32Array(B * F);
const requiresSlot = new Int32Array(B);
const cueBonus = new Int32Array(B);
T.buckets.forEach((b, i) => {
  requiresSlot[i] = b.requiresSlot;
  cueBonus[i] = b.cueWeight * PROMPT_MUL;
  for (const f of b.features)
    featureWeight[i * F + FEATURES.indexOf(f.name)] = f.weight * PROMPT_MUL;
});
const level = new Int32Array(F);

function pickBucket(r: ScanResult, question: boolean): number {
  level[0] = popcount32(r.choiceMask) >= 3 ? 1 : 0;
  level[1] = Math.min(r.arith, 3);
  level[2] = Math.min(r.code >> 1, 3);
  level[3] = Math.min(r.doctest, 2);
  level[4] = r.cjk >= 4 ? 1 : 0;
  const anyFeature = level[0] + level[1] + level[2] + level[3] + level[4] > 0;
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < B; i++) {
    let s = scores[i];
    const req = requiresSlot[i];
    if (req >= 0) {
      if (scores[req] <= 0) continue;
      s += cueBonus[i];
    }
    if (anyFeature) for (let f = 0; f < F; f++) s += featureWeight[i * F + f] * level[f];
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  if (best >= 0 && bestScore >= T.minScore * PROMPT_MUL) return best;
  return question && r.words > 0 && r.words <= T.questionMaxWords
    ? T.questionIndex
    : T.defaultIndex;
}

/** Deterministic capability bucket of a prompt (and optional system prompt). */
export function classifyPrompt(
  text: string,
  systemPrompt?: string | null,
): { bucketId: number; key: string } {
  const a = analyseText(text, systemPrompt, false);
  const b = TAXONOMY_BUCKETS[a.bucketIndex];
  return { bucketId: b.id, key: b.key };
}
