import 'server-only';
import { TAXONOMY_BUCKETS } from '@/lib/features/taxonomy';
import { FINE_BUCKETS } from '@/lib/features/lsh';
import { rows } from './sql';
import { dayRange, downsample } from './downsample';
import { bandAt, getBenignBand, type BandPoint } from './coverage-band';
import { firstDayCounts } from './first-days';

/** One point per day (or per folded group of days) on the account page's shared time axis. */
export interface SeriesPoint {
  key: string;
  events: number;
  input_tokens: number;
  output_tokens: number;
  reasoning: number;
  thinking: number;
  new_templates: number;
  finish_length: number;
  tax_new: number;
  lsh_new: number;
  tax_cov: number;
  lsh_cov: number;
  band_lo: number | null;
  band_mid: number | null;
  band_hi: number | null;
  /** ratios are null on days without events: charts draw a gap there, not a dip to 0 */
  reasoning_share: number | null;
  thinking_share: number | null;
  template_reuse: number | null;
  out_in: number | null;
}

export interface AccountSeries {
  points: SeriesPoint[];
  hasBand: boolean;
  taxBuckets: number;
  lshBuckets: number;
}

type Raw = Omit<
  SeriesPoint,
  | 'tax_cov'
  | 'lsh_cov'
  | 'band_lo'
  | 'band_mid'
  | 'band_hi'
  | 'reasoning_share'
  | 'thinking_share'
  | 'template_reuse'
  | 'out_in'
>;
// Same denominator as detection (lib/detect/coverage-read.ts): the "unknown" bucket is not a capability.
const TAX_TOTAL = TAXONOMY_BUCKETS.length - 1;
const ZERO: Omit<Raw, 'key'> = {
  events: 0,
  input_tokens: 0,
  output_tokens: 0,
  reasoning: 0,
  thinking: 0,
  new_templates: 0,
  finish_length: 0,
  tax_new: 0,
  lsh_new: 0,
};

/** A day's summed rollups before the cumulative and ratio columns are derived. */
export type RawDay = Raw;

/**
 * Daily rollup series for one account or a set of accounts (a cluster's combined timeline, when
 * detection's cluster_daily rollup is missing): account_daily for volume/tokens/reasoning, and the
 * day sets for buckets and templates first seen per day (lib/queries/first-days.ts).
 */
export async function getSeries(
  accountIds: string[],
  subject: 'account' | 'cluster',
  totalEvents: number,
): Promise<AccountSeries> {
  // A cluster's charts show taxonomy coverage only: fine LSH buckets of hundreds of members are
  // ~100k scattered elements, and the partitioned chart covers the sweep.
  const [daily, firsts, band] = await Promise.all([
    rows<Omit<Raw, 'tax_new' | 'lsh_new' | 'new_templates'>>(
      `SELECT day::text AS key, sum(events)::float8 AS events, sum(input_tokens)::float8 AS input_tokens,
              sum(output_tokens)::float8 AS output_tokens, sum(reasoning)::float8 AS reasoning, sum(thinking)::float8 AS thinking,
              sum(finish_length)::float8 AS finish_length
       FROM account_daily WHERE account_id = ANY($1) GROUP BY day ORDER BY day`,
      [accountIds],
    ),
    firstDayCounts(accountIds, subject === 'account'),
    getBenignBand(subject, totalEvents),
  ]);
  const byDay = new Map<string, Raw>();
  const get = (key: string) => byDay.get(key) ?? byDay.set(key, { key, ...ZERO }).get(key)!;
  for (const d of daily) Object.assign(get(d.key), d);
  for (const [day, f] of firsts) Object.assign(get(day), f);
  return seriesFrom([...byDay.values()], band);
}

/** Fills the days between the first and last, folds long ranges and derives the cumulative curves. */
export function seriesFrom(raw: Raw[], band: BandPoint[]): AccountSeries {
  const byDay = new Map(raw.map((r) => [r.key, r]));
  const keys = [...byDay.keys()].sort();
  if (keys.length === 0)
    return {
      points: [],
      hasBand: band.length > 0,
      taxBuckets: TAXONOMY_BUCKETS.length,
      lshBuckets: FINE_BUCKETS,
    };
  const filled = dayRange(keys[0], keys[keys.length - 1]).map(
    (k) => byDay.get(k) ?? { key: k, ...ZERO },
  );
  const folded = downsample(
    filled,
    Object.fromEntries(Object.keys(ZERO).map((k) => [k, 'sum'])) as Record<
      keyof typeof ZERO,
      'sum'
    >,
  );
  let tax = 0;
  let lsh = 0;
  const points = folded.map((p, i): SeriesPoint => {
    tax += p.tax_new;
    lsh += p.lsh_new;
    const b = bandAt(band, (i + 1) / folded.length);
    return {
      ...p,
      tax_cov: tax / TAX_TOTAL,
      lsh_cov: lsh / FINE_BUCKETS,
      band_lo: b?.lo ?? null,
      band_mid: b?.mid ?? null,
      band_hi: b?.hi ?? null,
      reasoning_share: p.events ? p.reasoning / p.events : null,
      thinking_share: p.events ? p.thinking / p.events : null,
      template_reuse: p.events ? 1 - Math.min(1, p.new_templates / p.events) : null,
      out_in: p.input_tokens ? p.output_tokens / p.input_tokens : null,
    };
  });
  return {
    points,
    hasBand: band.length > 0,
    taxBuckets: TAXONOMY_BUCKETS.length,
    lshBuckets: FINE_BUCKETS,
  };
}

export function getAccountSeries(accountId: string, totalEvents: number): Promise<AccountSeries> {
  return getSeries([accountId], 'account', totalEvents);
}
