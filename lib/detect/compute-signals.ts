import { FINE_BUCKETS, TAXONOMY_BUCKETS, bucketById } from '@/lib/features';
import type { CoverageAgg } from './load-coverage';
import type { DailyAgg } from './load-daily';
import type { TemplateAgg } from './load-templates';
import { cusumMax, median, normalisedEntropy, pearson } from './stats';

export type SignalValues = Record<string, number | null>;

/** Cohort facts the per-account formulas need (log-volume centre and spread). */
export interface Cohort {
  logMed: number;
  logMad: number;
}

// Taxonomy buckets an account can reach (everything but "unknown", used in hashed-prompt mode).
const TAX_TOTAL = TAXONOMY_BUCKETS.length - 1;
const HOUR_MS = 3_600_000;

const ratio = (a: number, b: number, minB = 1): number | null => (b >= minB ? a / b : null);

/** Sweep: |Spearman| of taxonomy id vs first-visit order, or excess of same-area consecutive first visits. */
export function sweepScore(order: number[]): number | null {
  const ids = order.filter((b) => b > 1); // skip unknown/other
  if (ids.length < 10) return null;
  const ranks = ids.map((_, i) => i);
  const sortedIds = [...ids].sort((a, b) => a - b);
  const idRank = ids.map((b) => sortedIds.indexOf(b));
  const rho = Math.abs(pearson(ranks, idRank));
  const area = (b: number) => (bucketById(b)?.key ?? '').split('/')[0];
  const counts = new Map<string, number>();
  for (const b of ids) counts.set(area(b), (counts.get(area(b)) ?? 0) + 1);
  let same = 0;
  for (let i = 1; i < ids.length; i++) if (area(ids[i]) === area(ids[i - 1])) same++;
  // expected same-area neighbours under a random visiting order
  let expected = 0;
  for (const c of counts.values()) expected += (c * (c - 1)) / ids.length;
  const maxSame = ids.length - counts.size;
  const runs = maxSame > expected ? Math.max(0, (same - expected) / (maxSame - expected)) : 0;
  return Math.max(rho, runs);
}

export function computeSignals(
  d: DailyAgg,
  c: CoverageAgg | undefined,
  t: TemplateAgg | undefined,
  cohort: Cohort,
): SignalValues {
  const n = d.events;
  const spanH = Math.max(1, (d.lastTs - d.firstTs) / HOUR_MS);
  const gapMean = d.gapN > 0 ? d.gapSum / d.gapN : 0;
  const gapVar = d.gapN > 0 ? Math.max(0, d.gapSum2 / d.gapN - gapMean * gapMean) : 0;
  const tempMean = d.tempN > 0 ? d.tempSum / d.tempN : 0;
  const tempSd =
    d.tempN > 0 ? Math.sqrt(Math.max(0, d.tempSum2 / d.tempN - tempMean * tempMean)) : 0;
  const first = d.daily.slice(0, Math.min(7, d.daily.length));
  const mu = median(first);
  const lsh = c?.lshBuckets ?? 0;
  const uniformExpect = FINE_BUCKETS * (1 - Math.exp(-n / FINE_BUCKETS));
  return {
    volume_z: (Math.log(Math.max(1, n)) - cohort.logMed) / cohort.logMad,
    volume_cusum: d.daily.length >= 7 ? cusumMax(d.daily, mu, Math.max(2, Math.sqrt(mu))) : null,
    timing_cv: d.gapN >= 20 && gapMean > 0 ? Math.sqrt(gapVar) / gapMean : null,
    hour_entropy: n >= 200 ? normalisedEntropy(d.how) : null,
    hours_active: spanH >= 72 && n >= 100 ? Math.min(1, d.activeHours / spanH) : null,
    top_template: t && n >= 20 ? t.topEvents / n : null,
    templates_per_query: t && n >= 20 ? t.templates / n : null,
    near_duplicate: t && n >= 20 ? t.nearDupEvents / n : null,
    coverage_tax: c ? c.taxBuckets / TAX_TOTAL : 0,
    coverage_evenness:
      c && n >= 100 && c.taxEvents.length >= 2
        ? (normalisedEntropy(c.taxEvents) * Math.log(c.taxEvents.length)) / Math.log(TAX_TOTAL)
        : null,
    coverage_early: c ? c.taxCum[Math.round(c.taxCum.length / 4)] / TAX_TOTAL : 0,
    coverage_lsh: lsh / FINE_BUCKETS,
    new_buckets_per_1k: n >= 500 ? lsh / uniformExpect : null,
    sweep: c ? sweepScore(c.taxOrder) : null,
    reasoning_share: ratio(d.reasoning, n, 20),
    thinking_share: ratio(d.thinking, n, 20),
    out_in_ratio: n >= 20 ? ratio(d.outTok, d.inTok) : null,
    out_per_request: ratio(d.outTok, n, 20),
    finish_length: ratio(d.finishLength, n, 20),
    max_tokens_cap: ratio(d.maxTokSum, d.maxTokN, 20),
    constant_temperature: d.tempN >= 50 ? tempSd : null,
    single_turn: ratio(d.singleTurn, n, 50),
    keys_per_week: t && t.keys > 0 ? t.keys / Math.max(1, spanH / 168) : null,
    fresh_key_traffic: t && t.keys > 0 && n >= 20 ? Math.min(1, t.freshKeyEvents / n) : null,
  };
}
