import 'server-only';
import { rows } from './sql';

/** Per UTC day: taxonomy buckets, fine LSH buckets and templates first seen that day. */
export interface FirstDayCounts {
  tax_new: number;
  lsh_new: number;
  new_templates: number;
}

interface SetRow {
  account_id: string;
  day: string;
  tax: number[];
  lsh: number[] | null;
  tm: string[];
}

/**
 * First-seen counts per day, folded here from the accounts' day sets (account_day_sets, read by
 * its primary key) instead of grouping the views account_bucket / account_template in SQL: a
 * bucket's first time lies on the least day of the rows holding it, so its first day is that least
 * day. Grouping the views for one account planned a parallel aggregate (two workers started per
 * page view; docs/performance.md, "Account page throughput and the cluster page at 1,000 members"), and the result is the same.
 * A set of accounts (a cluster) counts a bucket once, on the day its first member reached it;
 * templates are counted per member (reuse is per account). Taxonomy bucket 0 ("unknown") is not
 * a capability and is left out, as in detection.
 */
export async function firstDayCounts(
  accountIds: string[],
  withFine: boolean,
): Promise<Map<string, FirstDayCounts>> {
  const sets = await rows<SetRow>(
    `SELECT account_id, day::text AS day, tax_bucket AS tax, ${withFine ? 'lsh_bucket' : 'NULL::smallint[]'} AS lsh,
            simhash::text[] AS tm
     FROM account_day_sets WHERE account_id = ANY($1)`,
    [accountIds],
  );
  const tax = new Map<number, string>();
  const lsh = new Map<number, string>();
  const tm = new Map<string, string>();
  const earliest = <K>(m: Map<K, string>, k: K, day: string) => {
    const d = m.get(k);
    if (d === undefined || day < d) m.set(k, day);
  };
  const perMember = accountIds.length > 1;
  for (const r of sets) {
    for (const b of r.tax) if (b !== 0) earliest(tax, b, r.day);
    if (r.lsh) for (const b of r.lsh) earliest(lsh, b, r.day);
    for (const h of r.tm) earliest(tm, perMember ? `${r.account_id}\u0000${h}` : h, r.day);
  }
  const out = new Map<string, FirstDayCounts>();
  const at = (day: string) =>
    out.get(day) ?? out.set(day, { tax_new: 0, lsh_new: 0, new_templates: 0 }).get(day)!;
  for (const d of tax.values()) at(d).tax_new++;
  for (const d of lsh.values()) at(d).lsh_new++;
  for (const d of tm.values()) at(d).new_templates++;
  return out;
}
