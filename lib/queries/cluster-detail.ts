import 'server-only';
import { one, rows } from './sql';
import { parseContributions, type Contribution } from './contributions';
import { clusterBaseline, clusterItems, explain, type ScoreExplanation } from './explain';
import { settingsOfRun } from './score-formula';

export interface ClusterMemberRow {
  account_id: string;
  risk: number | null;
  flagged: boolean;
  events: number;
  coverage: number | null;
  reasons: string[];
  first_seen: string | null;
  last_seen: string | null;
  email_domain: string | null;
  country: string | null;
  /** summed rarity weight of the indicator kinds this member shares with the others */
  tie_strength: number;
  /** independent rare indicator kinds shared with the others (a strong tie is ≥ 3 by default) */
  tie_kinds: number;
  /** the member's risk from its own signals alone */
  own_risk: number;
  /** 'flagged' | 'review' (linked, review: weak tie, no own evidence) | 'linked' */
  state: 'flagged' | 'review' | 'linked';
}

export interface ClusterHeader {
  id: string;
  risk: number;
  flagged: boolean;
  members: number;
  events: number;
  reasons: string[];
  contributions: Contribution[];
  /** Σ of contributions and the formula that turns it into the risk, with this run's numbers */
  explanation: ScoreExplanation;
  computed_at: string;
  flag_status: string | null;
}

export interface ClusterSummary {
  id: string;
  risk: number;
  flagged: boolean;
  members: number;
  events: number;
  reasons: string[];
}

export async function getClusterHeader(id: string): Promise<ClusterHeader | null> {
  const r = await one<
    Omit<ClusterHeader, 'contributions' | 'computed_at' | 'events' | 'explanation'> & {
      contributions: unknown;
      features: unknown;
      computed_at: Date;
      events: string;
      run_id: string;
    }
  >(
    `SELECT c.id, c.risk, c.flagged, c.members, c.events::text AS events, COALESCE(c.reasons, '{}') AS reasons, c.contributions, c.features,
            c.computed_at, f.status AS flag_status, c.run_id::text AS run_id
     FROM clusters c LEFT JOIN flags f ON f.subject_type = 'cluster' AND f.subject_id = c.id
     WHERE c.id = $1`,
    [id],
  );
  if (!r) return null;
  const { features, run_id, ...rest } = r;
  // The benign cluster baseline: the same signals over the run's unflagged clusters (a few dozen rows).
  const [unflagged, s] = await Promise.all([
    rows<{ contributions: unknown }>('SELECT contributions FROM clusters WHERE NOT flagged'),
    settingsOfRun(run_id),
  ]);
  const items = clusterItems(
    r.contributions,
    clusterBaseline(unflagged.map((u) => u.contributions)),
  );
  return {
    ...rest,
    events: Number(r.events),
    contributions: parseContributions(r.contributions, features),
    explanation: explain(
      'cluster',
      items,
      { slope: s.clusterSlope, bias: s.clusterBias, threshold: s.clusterThreshold },
      r.risk,
    ),
    computed_at: r.computed_at.toISOString(),
  };
}

/** Member ids of a cluster (cluster_members, indexed on cluster_id). */
export async function getClusterMemberIds(id: string): Promise<string[]> {
  return (
    await rows<{ account_id: string }>(
      'SELECT account_id FROM cluster_members WHERE cluster_id = $1 ORDER BY account_id',
      [id],
    )
  ).map((r) => r.account_id);
}

export async function getClusterMembers(id: string, limit = 1000): Promise<ClusterMemberRow[]> {
  const r = await rows<
    Omit<ClusterMemberRow, 'first_seen' | 'last_seen'> & {
      first_seen: Date | null;
      last_seen: Date | null;
    }
  >(
    `SELECT m.account_id, s.risk, COALESCE(s.flagged, false) AS flagged, COALESCE(s.events, 0) AS events, s.coverage,
            COALESCE(s.reasons, '{}') AS reasons, s.first_seen, s.last_seen, a.email_domain, a.country,
            m.tie_strength, m.tie_kinds, m.own_risk, m.state
     FROM cluster_members m
     LEFT JOIN account_score s ON s.account_id = m.account_id
     LEFT JOIN accounts a ON a.account_id = m.account_id
     WHERE m.cluster_id = $1
     ORDER BY m.own_risk DESC, s.risk DESC NULLS LAST, m.account_id LIMIT $2`,
    [id, limit],
  );
  return r.map((m) => ({
    ...m,
    first_seen: m.first_seen?.toISOString() ?? null,
    last_seen: m.last_seen?.toISOString() ?? null,
  }));
}

export async function listTopClusters(limit = 10): Promise<ClusterSummary[]> {
  const r = await rows<Omit<ClusterSummary, 'events'> & { events: string }>(
    `SELECT id, risk, flagged, members, events::text AS events, COALESCE(reasons, '{}') AS reasons
     FROM clusters ORDER BY risk DESC, id LIMIT $1`,
    [limit],
  );
  return r.map((c) => ({ ...c, events: Number(c.events) }));
}
