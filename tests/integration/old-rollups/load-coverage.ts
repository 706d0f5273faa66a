import type { Pool } from 'pg';

/** Number of normalised-time steps of the coverage curves (0 … STEPS). */
export const STEPS = 20;

/** Per-account coverage facts from account_bucket (kind 0 = taxonomy, 1 = fine LSH). */
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

const TAX_SQL = `SELECT account_id, bucket, events FROM account_bucket WHERE kind = 0 ORDER BY account_id, first_ts, bucket`;

// Normalised time of each first visit within the account's span (first … last event), binned.
const STEP_SQL = `
WITH span AS (SELECT account_id, min(first_ts) AS f, max(last_ts) AS l FROM account_daily GROUP BY account_id)
SELECT b.account_id, b.kind::int AS kind,
  LEAST($1::int, GREATEST(0, ceil($1::int * extract(epoch FROM b.first_ts - s.f) / GREATEST(1, extract(epoch FROM s.l - s.f)))))::int AS step,
  count(*)::int AS n
FROM account_bucket b JOIN span s USING (account_id)
GROUP BY 1, 2, 3`;

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

export async function loadCoverage(pool: Pick<Pool, 'query'>): Promise<Map<string, CoverageAgg>> {
  const out = new Map<string, CoverageAgg>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = blank()));
    return c;
  };
  const tax = await pool.query<{ account_id: string; bucket: number; events: number }>(TAX_SQL);
  for (const r of tax.rows) {
    const c = get(r.account_id);
    c.taxOrder.push(r.bucket);
    c.taxEvents.push(r.events);
  }
  const steps = await pool.query<{ account_id: string; kind: number; step: number; n: number }>(
    STEP_SQL,
    [STEPS],
  );
  for (const r of steps.rows) {
    const c = get(r.account_id);
    (r.kind === 0 ? c.taxCum : c.lshCum)[r.step] += r.n;
  }
  for (const c of out.values()) {
    for (let i = 1; i <= STEPS; i++) {
      c.taxCum[i] += c.taxCum[i - 1];
      c.lshCum[i] += c.lshCum[i - 1];
    }
    c.taxBuckets = c.taxCum[STEPS];
    c.lshBuckets = c.lshCum[STEPS];
  }
  return out;
}
