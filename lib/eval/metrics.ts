// Evaluation metrics of a detection run against a scenario's ground truth (truth.ndjson).

export interface Truth {
  account_id: string;
  label: 'benign' | 'attack';
  family: string;
  campaign_id: string | null;
}
export interface Scored {
  account_id: string;
  flagged: boolean;
  cluster_id: string | null;
  /** flagged only through its cluster (own risk below the threshold) */
  via_cluster?: boolean;
}

export interface FamilyRow {
  family: string;
  label: 'benign' | 'attack';
  accounts: number;
  flagged: number;
  /** attack: TP_f / (TP_f + all benign flagged), i.e. precision if this were the only attack family */
  precision: number | null;
  recall: number | null;
  fpr: number | null;
  campaigns: number;
  campaignRecall: number | null;
  /** multi-account campaigns: share of members in the campaign's largest cluster */
  linked: number | null;
  /** multi-account campaigns: share of attackers among the members of that cluster */
  purity: number | null;
  /** benign: accounts flagged only through cluster membership (target 0) */
  membershipOnly: number;
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);

export function evaluate(
  truth: Truth[],
  scored: Scored[],
): { families: FamilyRow[]; overall: FamilyRow } {
  const byId = new Map(scored.map((s) => [s.account_id, s]));
  const label = new Map(truth.map((t) => [t.account_id, t.label]));
  const clusterSize = new Map<string, { n: number; attack: number }>();
  for (const s of scored) {
    if (!s.cluster_id) continue;
    const c = clusterSize.get(s.cluster_id) ?? { n: 0, attack: 0 };
    c.n++;
    if (label.get(s.account_id) === 'attack') c.attack++;
    clusterSize.set(s.cluster_id, c);
  }
  const flagged = (id: string) => byId.get(id)?.flagged ?? false;
  const benignFlagged = truth.filter((t) => t.label === 'benign' && flagged(t.account_id)).length;
  const families = [...new Set(truth.map((t) => t.family))];
  const row = (family: string, rows: Truth[], label: 'benign' | 'attack'): FamilyRow => {
    const nFlag = rows.filter((t) => flagged(t.account_id)).length;
    const campaigns = new Map<string, Truth[]>();
    for (const t of rows)
      if (t.campaign_id) campaigns.set(t.campaign_id, [...(campaigns.get(t.campaign_id) ?? []), t]);
    let caught = 0,
      linkedNum = 0,
      linkedDen = 0,
      pureNum = 0,
      pureDen = 0;
    for (const members of campaigns.values()) {
      if (members.some((m) => flagged(m.account_id))) caught++;
      if (members.length < 2) continue;
      const counts = new Map<string, number>();
      for (const m of members) {
        const c = byId.get(m.account_id)?.cluster_id;
        if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
      linkedNum += top?.[1] ?? 0;
      linkedDen += members.length;
      if (top) {
        pureNum += clusterSize.get(top[0])!.attack;
        pureDen += clusterSize.get(top[0])!.n;
      }
    }
    return {
      family,
      label,
      accounts: rows.length,
      flagged: nFlag,
      precision: label === 'attack' ? div(nFlag, nFlag + benignFlagged) : null,
      recall: label === 'attack' ? div(nFlag, rows.length) : null,
      fpr: label === 'benign' ? div(nFlag, rows.length) : null,
      campaigns: campaigns.size,
      campaignRecall: div(caught, campaigns.size),
      linked: div(linkedNum, linkedDen),
      purity: div(pureNum, pureDen),
      membershipOnly: rows.filter(
        (t) => t.label === 'benign' && flagged(t.account_id) && byId.get(t.account_id)?.via_cluster,
      ).length,
    };
  };
  const out = families.map((f) => {
    const rows = truth.filter((t) => t.family === f);
    return row(f, rows, rows[0].label);
  });
  const attacks = truth.filter((t) => t.label === 'attack');
  const a = row('ALL attacks', attacks, 'attack');
  const allFlagged = truth.filter((t) => flagged(t.account_id)).length;
  const benign = truth.filter((t) => t.label === 'benign');
  const overall: FamilyRow = {
    ...a,
    family: 'overall',
    accounts: truth.length,
    flagged: allFlagged,
    precision: div(a.flagged, allFlagged),
    fpr: div(benignFlagged, benign.length),
    membershipOnly: out.reduce((t, r) => t + r.membershipOnly, 0),
  };
  return {
    families: out.sort(
      (x, y) => x.label.localeCompare(y.label) || x.family.localeCompare(y.family),
    ),
    overall,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export function formatTable(
  rows: FamilyRow[],
  beforeAlarm: Map<string, string> = new Map(),
): string {
  const head = [
    'family',
    'label',
    'accounts',
    'flagged',
    'precision',
    'recall',
    'FPR',
    'campaigns',
    'camp.recall',
    'linked',
    'purity',
    'benign via cluster only',
    'events before 1st alarm',
  ];
  const body = rows.map((r) => [
    r.family,
    r.label,
    String(r.accounts),
    String(r.flagged),
    pct(r.precision),
    pct(r.recall),
    pct(r.fpr),
    String(r.campaigns),
    pct(r.campaignRecall),
    pct(r.linked),
    pct(r.purity),
    r.label === 'benign' || r.family === 'overall' ? String(r.membershipOnly) : '–',
    beforeAlarm.get(r.family) ?? '–',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join(
    '\n',
  );
}
