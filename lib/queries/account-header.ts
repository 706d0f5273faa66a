import 'server-only';
import { SIGNALS } from '@/lib/detect/signal-defs';
import { one, rows } from './sql';
import { enrichContributions, parseContributions, type Contribution } from './contributions';
import { accountItems, explain, type ScoreExplanation } from './explain';
import { settingsOfRun } from './score-formula';

export interface AccountHeader {
  account_id: string;
  scored: boolean;
  risk: number | null;
  flagged: boolean;
  reasons: string[];
  contributions: Contribution[];
  /** Σ of contributions, the formula that turns it into the risk, with this run's numbers */
  explanation: ScoreExplanation | null;
  events: number;
  coverage: number | null;
  first_seen: string | null;
  last_seen: string | null;
  computed_at: string | null;
  cluster_id: string | null;
  cluster_members: number | null;
  flag_status: string | null;
  email_domain: string | null;
  country: string | null;
  tier: string | null;
  created_at: string | null;
  verified: boolean | null;
}

interface Row {
  account_id: string;
  risk: number | null;
  flagged: boolean | null;
  reasons: string[] | null;
  contributions: unknown;
  signals: unknown;
  events: number | null;
  coverage: number | null;
  first_seen: Date | null;
  last_seen: Date | null;
  computed_at: Date | null;
  cluster_id: string | null;
  cluster_members: number | null;
  flag_status: string | null;
  email_domain: string | null;
  country: string | null;
  tier: string | null;
  created_at: Date | null;
  verified: boolean | null;
  run_id: string | null;
  own_risk: number | null;
  cluster_risk: number | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Risk header of the account page; null when the account is neither known nor scored (→ 404). */
export async function getAccountHeader(accountId: string): Promise<AccountHeader | null> {
  // signal_baseline is ~20 rows written at detect time; absent on a database without a detect run.
  const [r, baselines] = await Promise.all([
    one<Row>(
      `SELECT k.account_id, s.risk, s.flagged, s.reasons, s.contributions, s.signals, s.events, s.coverage,
            s.first_seen, s.last_seen, s.computed_at, COALESCE(s.cluster_id, m.cluster_id) AS cluster_id, c.members AS cluster_members,
            f.status AS flag_status, a.email_domain, a.country, a.tier, a.created_at, a.verified,
            s.run_id::text AS run_id, m.own_risk, c.risk AS cluster_risk
     FROM (SELECT $1::text AS account_id) k
     LEFT JOIN account_score s ON s.account_id = k.account_id
     LEFT JOIN accounts a ON a.account_id = k.account_id
     LEFT JOIN cluster_members m ON m.account_id = k.account_id
     LEFT JOIN clusters c ON c.id = COALESCE(s.cluster_id, m.cluster_id)
     LEFT JOIN flags f ON f.subject_type = 'account' AND f.subject_id = k.account_id
     WHERE s.account_id IS NOT NULL OR a.account_id IS NOT NULL`,
      [accountId],
    ),
    rows<{ signal: string; p50: number; p95: number }>(
      'SELECT signal, p50, p95 FROM signal_baseline',
    ).catch(() => []),
  ]);
  if (!r) return null;
  return { ...toHeader(r, baselines), explanation: await explainAccount(r) };
}

/** Σ and formula of the run that scored the account; the cluster's risk when it was flagged with it. */
async function explainAccount(r: Row): Promise<ScoreExplanation | null> {
  if (r.risk === null) return null;
  const s = await settingsOfRun(r.run_id);
  const viaCluster =
    r.cluster_id && r.own_risk !== null && r.cluster_risk !== null && r.risk > r.own_risk + 1e-6
      ? { id: r.cluster_id, risk: r.cluster_risk }
      : null;
  return explain(
    'account',
    accountItems(r.contributions),
    { slope: s.slope, bias: s.bias, threshold: s.accountThreshold, minEvents: s.minEvents },
    r.risk,
    viaCluster,
  );
}

function toHeader(
  r: Row,
  baselines: { signal: string; p50: number; p95: number }[],
): Omit<AccountHeader, 'explanation'> {
  return {
    account_id: r.account_id,
    scored: r.risk !== null,
    risk: r.risk,
    flagged: r.flagged ?? false,
    reasons: r.reasons ?? [],
    contributions: enrichContributions(
      parseContributions(r.contributions, r.signals),
      SIGNALS,
      baselines,
    ),
    events: r.events ?? 0,
    coverage: r.coverage,
    first_seen: iso(r.first_seen),
    last_seen: iso(r.last_seen),
    computed_at: iso(r.computed_at),
    cluster_id: r.cluster_id,
    cluster_members: r.cluster_members,
    flag_status: r.flag_status,
    email_domain: r.email_domain,
    country: r.country,
    tier: r.tier,
    created_at: iso(r.created_at),
    verified: r.verified,
  };
}
