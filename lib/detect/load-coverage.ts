import type { Pool } from 'pg';
import { eachAccountSets, foldFirst } from './day-sets';

/** Number of normalised-time steps of the coverage curves (0 … STEPS). */
export const STEPS = 20;

/** Per-account coverage facts from the bucket rollup (taxonomy and fine LSH buckets). */
export interface CoverageAgg {
  taxBuckets: number;
  lshBuckets: number;
  /** taxonomy buckets in order of first visit, with their event counts */
  taxOrder: number[];
  taxEvents: number[];
  /** cumulative bucket count at normalised time step 0..STEPS of the account's active span */
  taxCum: number[];
  lshCum: number[];
}

// The account's active span (first … last event), in epoch ms.
const SPAN_SQL = `SELECT account_id, (extract(epoch FROM min(first_ts)) * 1000)::float8 AS f,
  (extract(epoch FROM max(last_ts)) * 1000)::float8 AS l FROM account_daily GROUP BY account_id`;

function blank(): CoverageAgg {
  return {
    taxBuckets: 0,
    lshBuckets: 0,
    taxOrder: [],
    taxEvents: [],
    taxCum: new Array<number>(STEPS + 1).fill(0),
    lshCum: new Array<number>(STEPS + 1).fill(0),
  };
}

/**
 * Per account from its day sets (lib/detect/day-sets.ts): each bucket's first visit (least time),
 * taxonomy buckets in order of first visit (ties by bucket) with their event counts, and the
 * normalised time of each first visit within the span, binned in STEPS (ceil, as the old SQL).
 */
export async function loadCoverage(pool: Pick<Pool, 'query'>): Promise<Map<string, CoverageAgg>> {
  const span = new Map<string, { f: number; l: number }>();
  for (const r of (await pool.query<{ account_id: string; f: number; l: number }>(SPAN_SQL)).rows)
    span.set(r.account_id, r);
  const out = new Map<string, CoverageAgg>();
  await eachAccountSets(
    pool,
    'tax_bucket, tax_first, tax_events, lsh_bucket, lsh_first',
    (id, rows) => {
      const tax = new Map<number, { t: number; n: number }>();
      const lsh = new Map<number, { t: number; n: number }>();
      foldFirst(rows, 2, 3, 4, tax);
      foldFirst(rows, 5, 6, null, lsh);
      const c = blank();
      const order = [...tax].sort((a, b) => a[1].t - b[1].t || a[0] - b[0]);
      c.taxOrder = order.map(([b]) => b);
      c.taxEvents = order.map(([, v]) => v.n);
      const s = span.get(id);
      if (s) {
        const bin = (t: number) =>
          Math.min(STEPS, Math.max(0, Math.ceil((STEPS * (t - s.f)) / Math.max(1000, s.l - s.f))));
        for (const v of tax.values()) c.taxCum[bin(v.t)]++;
        for (const v of lsh.values()) c.lshCum[bin(v.t)]++;
      }
      for (let i = 1; i <= STEPS; i++) {
        c.taxCum[i] += c.taxCum[i - 1];
        c.lshCum[i] += c.lshCum[i - 1];
      }
      c.taxBuckets = c.taxCum[STEPS];
      c.lshBuckets = c.lshCum[STEPS];
      out.set(id, c);
    },
  );
  return out;
}
