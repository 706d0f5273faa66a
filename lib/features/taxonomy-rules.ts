import taxonomyFile from './taxonomy.v1.json';
import { buildPhraseTable, type PhraseRule } from './phrase-table';
import type { PhraseTable } from './scan';

/**
 * Compiles taxonomy.v1.json into one phrase table. Score slots 0..B-1 are buckets (in file order),
 * slots B.. are cues (translation, reasoning, question). Every rule is a 1-3 word phrase, so the
 * whole taxonomy costs at most three hash-table probes per prompt word: no per-bucket regexes.
 */
export const TAXONOMY_VERSION = 'v1';

export type FeatureName = 'choice' | 'arith' | 'code' | 'doctest' | 'cjk';
const FEATURE_NAMES: readonly FeatureName[] = ['choice', 'arith', 'code', 'doctest', 'cjk'];

interface BucketJson {
  id: number;
  key: string;
  label: string;
  description: string;
  keywords?: Record<string, number>;
  features?: Partial<Record<string, number>>;
  requires?: string;
  cueWeight?: number;
}

export interface TaxonomyBucket {
  id: number;
  key: string;
  label: string;
  description: string;
}

export interface CompiledBucket extends TaxonomyBucket {
  /** cue slot that must have fired for this bucket to score, or -1 */
  requiresSlot: number;
  /** points added (in prompt units) when requiresSlot's cue fired */
  cueWeight: number;
  features: { name: FeatureName; weight: number }[];
}

export interface CompiledTaxonomy {
  buckets: CompiledBucket[];
  table: PhraseTable;
  slots: number;
  cueSlot: Record<'translation' | 'reasoning' | 'question', number>;
  minScore: number;
  maxWords: number;
  questionMaxWords: number;
  questionIndex: number;
  defaultIndex: number;
}

export function compileTaxonomy(): CompiledTaxonomy {
  const file = taxonomyFile as unknown as {
    version: string;
    minScore: number;
    maxWords: number;
    fallback: { question: string; questionMaxWords: number; default: string };
    cues: Record<string, Record<string, number>>;
    buckets: BucketJson[];
  };
  if (file.version !== TAXONOMY_VERSION) throw new Error(`taxonomy file version ${file.version}`);
  const B = file.buckets.length;
  const cueNames = Object.keys(file.cues);
  const cueIndex = (name: string): number => {
    const i = cueNames.indexOf(name);
    if (i < 0) throw new Error(`unknown cue ${name}`);
    return B + i;
  };
  const rules: PhraseRule[] = [];
  const seenIds = new Set<number>();
  const buckets: CompiledBucket[] = file.buckets.map((b, idx) => {
    if (seenIds.has(b.id)) throw new Error(`duplicate bucket id ${b.id}`);
    seenIds.add(b.id);
    for (const [phrase, weight] of Object.entries(b.keywords ?? {}))
      rules.push({ phrase, slot: idx, weight });
    const features = Object.entries(b.features ?? {}).map(([name, weight]) => {
      if (!FEATURE_NAMES.includes(name as FeatureName))
        throw new Error(`unknown feature ${name} in ${b.key}`);
      return { name: name as FeatureName, weight: weight ?? 0 };
    });
    return {
      id: b.id,
      key: b.key,
      label: b.label,
      description: b.description,
      requiresSlot: b.requires ? cueIndex(b.requires) : -1,
      cueWeight: b.cueWeight ?? 0,
      features,
    };
  });
  cueNames.forEach((name, i) => {
    for (const [phrase, weight] of Object.entries(file.cues[name]))
      rules.push({ phrase, slot: B + i, weight });
  });
  const indexOfKey = (key: string): number => {
    const i = buckets.findIndex((b) => b.key === key);
    if (i < 0) throw new Error(`unknown bucket ${key}`);
    return i;
  };
  return {
    buckets,
    table: buildPhraseTable(rules),
    slots: B + cueNames.length,
    cueSlot: {
      translation: cueIndex('translation'),
      reasoning: cueIndex('reasoning'),
      question: cueIndex('question'),
    },
    minScore: file.minScore,
    maxWords: file.maxWords,
    questionMaxWords: file.fallback.questionMaxWords,
    questionIndex: indexOfKey(file.fallback.question),
    defaultIndex: indexOfKey(file.fallback.default),
  };
}
