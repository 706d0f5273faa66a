// The catalogue of per-account signals: what each measures, how its value becomes evidence
// (0..1, a linear ramp between `lo` and `hi`; `invert` when low values are the suspicious ones),
// and the one-line explanation the UI shows next to the value and the benign baseline.

export interface SignalDef {
  id: string;
  label: string;
  group:
    | 'volume'
    | 'timing'
    | 'templates'
    | 'coverage'
    | 'reasoning'
    | 'harvesting'
    | 'conversation'
    | 'keys';
  unit: string;
  lo: number;
  hi: number;
  invert?: boolean;
  /**
   * Evidence counts only while this other signal is at or above its benign median at the same
   * volume (gate.ts): a ratio is read as harvesting only when its numerator is itself not small.
   */
  needs?: string;
  explain: string;
}

export const SIGNALS: readonly SignalDef[] = [
  {
    id: 'volume_z',
    label: 'Volume (robust z)',
    group: 'volume',
    unit: 'z',
    lo: 2.5,
    hi: 6,
    explain:
      "How far the account's event count sits above the cohort median, in robust standard deviations (log scale).",
  },
  {
    id: 'volume_cusum',
    label: 'Volume CUSUM',
    group: 'volume',
    unit: 'sd',
    lo: 15,
    hi: 60,
    explain:
      "Sustained rise of daily volume over the account's own first-week level (CUSUM); sudden ramps precede harvesting.",
  },
  {
    id: 'timing_cv',
    label: 'Inter-arrival CV',
    group: 'timing',
    unit: '',
    lo: 0.35,
    hi: 0.8,
    invert: true,
    explain:
      'Coefficient of variation of the gaps between requests. People are bursty (CV > 1); schedulers are regular (CV well below 1).',
  },
  {
    id: 'hour_entropy',
    label: 'Hour-of-week entropy',
    group: 'timing',
    unit: '0..1',
    lo: 0.86,
    hi: 0.96,
    explain:
      'How evenly traffic spreads over the 168 hours of the week. People sleep and take weekends; scripts run around the clock.',
  },
  {
    id: 'hours_active',
    label: 'Share of hours active',
    group: 'timing',
    unit: 'share',
    lo: 0.45,
    hi: 0.85,
    explain:
      'Share of the hours between first and last request that saw any traffic. Near 1 means an always-on client.',
  },
  {
    id: 'top_template',
    label: 'Top-template share',
    group: 'templates',
    unit: 'share',
    lo: 0.3,
    hi: 0.8,
    explain:
      'Share of requests using the single most common prompt. Harvesters replay one prompt frame many times.',
  },
  {
    id: 'templates_per_query',
    label: 'Distinct templates per query',
    group: 'templates',
    unit: 'ratio',
    lo: 0.2,
    hi: 0.6,
    invert: true,
    explain:
      'Distinct prompts divided by requests. Low values mean heavy reuse of the same prompts.',
  },
  {
    id: 'near_duplicate',
    label: 'Near-duplicate share',
    group: 'templates',
    unit: 'share',
    lo: 0.35,
    hi: 0.8,
    explain:
      'Share of requests whose prompt is a near-duplicate (shared SimHash band) of another prompt of the account: templated prompts with swapped fill-ins.',
  },
  {
    id: 'coverage_tax',
    label: 'Taxonomy coverage',
    group: 'coverage',
    unit: 'share',
    lo: 0.45,
    hi: 0.8,
    explain:
      'Share of capability-taxonomy buckets the account has touched. Ordinary users stay in a few areas; extraction sweeps all of them.',
  },
  {
    id: 'coverage_evenness',
    label: 'Capability evenness',
    group: 'coverage',
    unit: '0..1',
    lo: 0.7,
    hi: 0.9,
    needs: 'out_per_request',
    explain:
      "How evenly the account's requests spread over all capability buckets (entropy of the bucket counts, 1 = the same number in every bucket). People and products lean on a few capabilities; a training set is built to be balanced. Counted only when the answers are long (output per request at least the benign median): evaluation suites are balanced too, but grade short answers.",
  },
  {
    id: 'coverage_early',
    label: 'Early taxonomy coverage',
    group: 'coverage',
    unit: 'share',
    lo: 0.3,
    hi: 0.6,
    explain:
      "Share of capability buckets already touched in the first quarter of the account's active span, against accounts of similar volume: a sweep covers ground from the start.",
  },
  {
    id: 'coverage_lsh',
    label: 'Fine-bucket coverage',
    group: 'coverage',
    unit: 'share',
    lo: 0.3,
    hi: 0.7,
    explain:
      'Share of the 4,096 fine LSH prompt buckets touched: how much of the prompt space the account has explored.',
  },
  {
    id: 'new_buckets_per_1k',
    label: 'New buckets per 1k queries',
    group: 'coverage',
    unit: 'per 1k',
    lo: 0.9,
    hi: 0.98,
    explain:
      'New fine buckets found per 1,000 queries, relative to a uniform random sampler of the same volume (evidence = observed / uniform). Benign users revisit; sweeps keep exploring.',
  },
  {
    id: 'sweep',
    label: 'Sweep score',
    group: 'coverage',
    unit: '0..1',
    lo: 0.45,
    hi: 0.85,
    explain:
      'How systematic the order of first visits to taxonomy buckets is (rank correlation with taxonomy order, or long same-area runs).',
  },
  {
    id: 'reasoning_share',
    label: 'Reasoning elicitation',
    group: 'reasoning',
    unit: 'share',
    lo: 0.3,
    hi: 0.7,
    explain:
      'Share of prompts that ask for step-by-step / chain-of-thought / "show your work" answers: harvesting reasoning traces.',
  },
  {
    id: 'thinking_share',
    label: 'Extended thinking',
    group: 'reasoning',
    unit: 'share',
    lo: 0.6,
    hi: 0.95,
    explain: 'Share of requests with extended thinking turned on.',
  },
  {
    id: 'out_in_ratio',
    label: 'Output / input tokens',
    group: 'harvesting',
    unit: 'ratio',
    lo: 3,
    hi: 15,
    needs: 'out_per_request',
    explain:
      'Output tokens per input token. Short prompts that pull long answers are the signature of output harvesting; counted only when the answers themselves are long (output per request at least the benign median), since short benchmark prompts with short graded answers also give a high ratio.',
  },
  {
    id: 'out_per_request',
    label: 'Output tokens per request',
    group: 'harvesting',
    unit: 'tokens',
    lo: 1500,
    hi: 6000,
    explain:
      'Mean output tokens per request. Distillation collects answers as training targets and wants them long; eval harnesses grade short answers.',
  },
  {
    id: 'finish_length',
    label: 'Cut off at max_tokens',
    group: 'harvesting',
    unit: 'share',
    lo: 0.15,
    hi: 0.5,
    explain:
      'Share of responses ending with finish_reason=length: the client asks for as much output as the cap allows.',
  },
  {
    id: 'max_tokens_cap',
    label: 'max_tokens near cap',
    group: 'harvesting',
    unit: 'tokens',
    lo: 6000,
    hi: 14000,
    explain:
      "Mean max_tokens requested. Harvesters set it at or near the model's cap on every request.",
  },
  {
    id: 'constant_temperature',
    label: 'Constant temperature',
    group: 'harvesting',
    unit: 'sd',
    lo: 0.002,
    hi: 0.02,
    invert: true,
    explain:
      'Standard deviation of the requested temperature. Zero over many requests means a fixed script setting.',
  },
  {
    id: 'single_turn',
    label: 'Single-turn share',
    group: 'conversation',
    unit: 'share',
    lo: 0.9,
    hi: 0.995,
    explain:
      'Share of requests that are the first turn of a conversation. Harvesters rarely follow up; people do.',
  },
  {
    id: 'keys_per_week',
    label: 'API keys per week',
    group: 'keys',
    unit: 'keys/week',
    lo: 2,
    hi: 6,
    explain: 'Distinct API keys used per week of activity. Rotating keys evades per-key limits.',
  },
  {
    id: 'fresh_key_traffic',
    label: 'Traffic on new keys',
    group: 'keys',
    unit: 'share',
    lo: 0.35,
    hi: 0.8,
    explain:
      "Share of requests sent on keys less than 24 hours old (estimated from each key's first/last use).",
  },
];

export const SIGNAL_IDS = SIGNALS.map((s) => s.id);

/** Signals judged against the whole cohort rather than accounts of similar volume. */
export const COHORT_WIDE = new Set(['volume_z', 'volume_cusum']);

/** The nominal ramp (lo → hi), used where no benign range is known. */
export function evidenceOf(def: SignalDef, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const t = (value - def.lo) / (def.hi - def.lo);
  const e = def.invert ? 1 - t : t;
  return Math.min(1, Math.max(0, e));
}
