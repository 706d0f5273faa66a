import 'server-only';
import { coverageRowsSql } from '@/lib/detect/cluster-coverage';
import { FINE_BUCKETS } from '@/lib/features/lsh';
import { TAXONOMY_BUCKETS } from '@/lib/features/taxonomy';
import { rows } from './sql';
import { dayRange, downsample } from './downsample';

/** Stacked cumulative fine-bucket coverage over the cluster's whole active range, one band per member. */
export interface PartitionedCoverage {
  series: { key: string; label: string }[];
  points: Array<Record<string, number | string>>;
  /** fine LSH buckets (the y axis is a share of these) */
  buckets: number;
  /** taxonomy buckets the members reached together, of `taxTotal`, and the day the last was reached */
  taxCovered: number;
  taxTotal: number;
  taxFullDay: string | null;
  /** 'rollup': detection's cluster_coverage; 'live': computed now (no rollup for this run yet) */
  source: 'rollup' | 'live';
}

const OTHERS = 'others';
type Hit = { key: string; account_id: string; tax_new: number; lsh_new: number };
type Range = { first: string | null; last: string | null };

/**
 * Each bucket is credited to the member that reached it first (lib/detect/cluster-coverage.ts);
 * a hydra splitting one sweep shows as many thin bands adding up, a single sweeper as one thick
 * band. Read from the per-cluster rollup detection writes; computed live when it is missing.
 */
export async function getPartitionedCoverage(
  clusterId: string,
  topMembers = 8,
): Promise<PartitionedCoverage> {
  const [stored, rolled] = await Promise.all([
    rows<Hit>(
      `SELECT day::text AS key, account_id, tax_new, lsh_new FROM cluster_coverage WHERE cluster_id = $1`,
      [clusterId],
    ),
    // the cluster's active range: detection's cluster_daily, else the members' account_daily
    rows<Range>(
      `SELECT min(day)::text AS first, max(day)::text AS last FROM cluster_daily WHERE cluster_id = $1`,
      [clusterId],
    ),
  ]);
  const range = rolled[0]?.first
    ? rolled
    : await rows<Range>(
        `SELECT min(d.day)::text AS first, max(d.day)::text AS last FROM account_daily d
         WHERE d.account_id IN (SELECT account_id FROM cluster_members WHERE cluster_id = $1)`,
        [clusterId],
      );
  const source = stored.length > 0 ? 'rollup' : 'live';
  const hits =
    source === 'rollup'
      ? stored
      : await rows<Hit>(
          `SELECT day::text AS key, account_id, tax_new, lsh_new FROM (${coverageRowsSql('param')}) x`,
          [clusterId, await memberIds(clusterId)],
        );
  return shape(hits, range[0]?.first ?? null, range[0]?.last ?? null, topMembers, source);
}

async function memberIds(clusterId: string): Promise<string[]> {
  const m = await rows<{ id: string }>(
    `SELECT account_id AS id FROM cluster_members WHERE cluster_id = $1`,
    [clusterId],
  );
  return m.map((r) => r.id);
}

function shape(
  hits: Hit[],
  first: string | null,
  last: string | null,
  topMembers: number,
  source: PartitionedCoverage['source'],
): PartitionedCoverage {
  const taxTotal = TAXONOMY_BUCKETS.length - 1; // as detection: "unknown" is not a capability
  if (hits.length === 0 || !first || !last)
    return {
      series: [],
      points: [],
      buckets: FINE_BUCKETS,
      taxCovered: 0,
      taxTotal,
      taxFullDay: null,
      source,
    };
  const perMember = new Map<string, number>();
  for (const h of hits) perMember.set(h.account_id, (perMember.get(h.account_id) ?? 0) + h.lsh_new);
  const ranked = [...perMember.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, topMembers).map(([a]) => a);
  const rest = ranked.length - top.length;
  const series = [
    ...top.map((a) => ({ key: a, label: a })),
    ...(rest > 0 ? [{ key: OTHERS, label: `${rest} other member${rest === 1 ? '' : 's'}` }] : []),
  ];
  const daily = new Map<string, Map<string, number>>();
  let taxCovered = 0;
  let taxFullDay: string | null = null;
  for (const h of [...hits].sort((a, b) => a.key.localeCompare(b.key))) {
    const s = top.includes(h.account_id) ? h.account_id : OTHERS;
    const m = daily.get(h.key) ?? daily.set(h.key, new Map()).get(h.key)!;
    m.set(s, (m.get(s) ?? 0) + h.lsh_new);
    if (h.tax_new > 0) {
      taxCovered += h.tax_new;
      taxFullDay = h.key;
    }
  }
  const cum = new Map<string, number>(series.map((s) => [s.key, 0]));
  const points = dayRange(first, last).map((key) => {
    const point: Record<string, number | string> & { key: string } = { key };
    for (const { key: s } of series) {
      cum.set(s, cum.get(s)! + (daily.get(key)?.get(s) ?? 0));
      point[s] = cum.get(s)! / FINE_BUCKETS;
    }
    return point;
  });
  return {
    series,
    points: downsample(points, Object.fromEntries(series.map((s) => [s.key, 'last']))),
    buckets: FINE_BUCKETS,
    taxCovered,
    taxTotal,
    taxFullDay,
    source,
  };
}
