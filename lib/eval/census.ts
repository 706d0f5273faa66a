import type { ClusterRow } from '@/lib/detect/write-results';
import type { Truth } from './metrics';

// The benign cluster census: every cluster of every replayed prefix with its risk, evidence and
// ground truth, so a cluster-level change can be judged on the benign clusters of early prefixes
// (where campaigns are still small) and not only on the end of the window.

export interface CensusRow {
  cutoff: string;
  cluster: string;
  members: number;
  benign: number;
  attack: number;
  /** members per ground-truth family */
  families: Record<string, number>;
  events: number;
  risk: number;
  flagged: boolean;
  /** benign members flagged only through this cluster (own risk below the account threshold) */
  benignViaCluster: string[];
  /** benign members of this cluster when it is flagged (any state) */
  benignInFlagged: string[];
  /** per cluster signal: [value, evidence] */
  evidence: Record<string, [number, number]>;
  /** the pooled coverage measures (lib/detect/cluster-band.ts) */
  pooled: Record<string, number>;
}

type Contribution = { value: number; evidence: number };

/** Numbers of a nested object, keys joined with dots. */
function flat(o: object, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') out[prefix + k] = v;
    else if (v && typeof v === 'object') Object.assign(out, flat(v, `${prefix}${k}.`));
  }
  return out;
}

/** One census row per cluster of a replay (member_state set by detection's accountRows). */
export function censusOf(
  cutoff: string,
  clusters: ClusterRow[],
  truth: Map<string, Truth>,
  accountThreshold: number,
): CensusRow[] {
  return clusters.map((k) => {
    const families: Record<string, number> = {};
    const benignIds: string[] = [];
    const via: string[] = [];
    k.member_ids.forEach((id, i) => {
      const t = truth.get(id);
      const fam = t?.family ?? 'unknown';
      families[fam] = (families[fam] ?? 0) + 1;
      if (t?.label !== 'benign') return;
      benignIds.push(id);
      const st = k.member_state?.[i];
      if (st?.state === 'flagged' && st.own_risk < accountThreshold) via.push(id);
    });
    const contributions = (k.contributions ?? {}) as Record<string, Contribution>;
    return {
      cutoff,
      cluster: k.id,
      members: k.member_ids.length,
      benign: benignIds.length,
      attack: k.member_ids.length - benignIds.length,
      families,
      events: k.events,
      risk: k.risk,
      flagged: k.flagged,
      benignViaCluster: via,
      benignInFlagged: k.flagged ? benignIds : [],
      evidence: Object.fromEntries(
        Object.entries(contributions).map(([id, c]) => [id, [c.value, c.evidence]]),
      ),
      pooled: flat((k.features as { pooled_band?: object })?.pooled_band ?? {}),
    };
  });
}

export interface CensusSummary {
  prefixes: number;
  /** cluster × prefix rows without an attacker */
  benignClusters: number;
  maxBenignRisk: number;
  maxBenignAt: CensusRow | null;
  /** benign-only clusters flagged on some prefix (cluster × prefix rows) */
  benignFlagged: number;
  /** distinct benign accounts that sat in a flagged cluster on any prefix */
  benignInFlagged: number;
  /** distinct benign accounts flagged only through a cluster on any prefix */
  benignViaCluster: number;
}

export function summariseCensus(rows: CensusRow[]): CensusSummary {
  const benign = rows.filter((r) => r.attack === 0);
  let top: CensusRow | null = null;
  for (const r of benign) if (!top || r.risk > top.risk) top = r;
  return {
    prefixes: new Set(rows.map((r) => r.cutoff)).size,
    benignClusters: benign.length,
    maxBenignRisk: top?.risk ?? 0,
    maxBenignAt: top,
    benignFlagged: benign.filter((r) => r.flagged).length,
    benignInFlagged: new Set(rows.flatMap((r) => r.benignInFlagged)).size,
    benignViaCluster: new Set(rows.flatMap((r) => r.benignViaCluster)).size,
  };
}

export function formatCensus(s: CensusSummary): string {
  const at = s.maxBenignAt;
  const where = at
    ? ` (${at.members} members, ${Object.keys(at.families).join('+')}, before ${at.cutoff})`
    : '';
  return [
    `Benign clusters over ${s.prefixes} replayed prefixes: ${s.benignClusters} cluster-prefixes, max risk ${s.maxBenignRisk.toFixed(3)}${where}, ${s.benignFlagged} flagged`,
    `Benign accounts in a flagged cluster on any prefix: ${s.benignInFlagged}; flagged via cluster only: ${s.benignViaCluster}`,
  ].join('\n');
}
