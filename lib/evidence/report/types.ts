// Everything the investigator report (data/report.pdf) says, gathered before rendering so the PDF
// is a pure function of this value (plus the fonts): the bag writer builds it from the case, the
// export options and the files it has already hashed, and tests render a fixed one.

/** One point of a subject's daily chart: the same series the account/cluster pages draw. */
export interface ReportSeriesPoint {
  /** Day (YYYY-MM-DD) or first day of a folded group of days. */
  key: string;
  events: number;
  /** Cumulative taxonomy coverage 0..1 (account page "coverage" line). */
  coverage: number;
  /** Benign band (p5..p95) of coverage at the same normalised time; null when no band exists. */
  band_lo: number | null;
  band_hi: number | null;
}

export interface ReportSignal {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Evidence 0..1 after the signal's ramp; weight × evidence is its share of the risk. */
  evidence: number;
  weight: number;
}

export interface ReportFinding {
  kind: 'account' | 'cluster';
  id: string;
  title: string;
  /** Risk 0..1 at the detection run the case relies on; null when never scored. */
  risk: number | null;
  events: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** For a cluster: member count; for an account: the cluster it belongs to, if any. */
  members?: number;
  clusterId?: string | null;
  /** Short plain-language reasons (from the case link or the detection run). */
  reasons: string[];
  signals: ReportSignal[];
  series: ReportSeriesPoint[];
}

export interface ReportSignalDefinition {
  id: string;
  label: string;
  unit: string;
  lo: number;
  hi: number;
  invert?: boolean;
  explain: string;
}

export interface ReportClause {
  /** e.g. "§ 2.3(b)" */
  ref: string;
  title: string;
  text: string;
  /** Accounts/clusters the clause was linked against. */
  subjects: string[];
}

export interface ReportExhibit {
  /** Bates range or file label, e.g. "PROD0000001–PROD0000001". */
  label: string;
  /** Path inside the bag, e.g. "data/natives/PROD0000001.jsonl". */
  path: string;
  bytes: number;
  sha256: string;
  description?: string;
}

export interface ReportCustodyEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  /** Hash of this entry in the custody chain (hex). */
  hash: string;
}

export interface ReportRedactionSummary {
  enabled: boolean;
  /** Count per kind ("email", "phone", "api_key", "card"). */
  byKind: Record<string, number>;
  total: number;
  note?: string;
}

export interface ReportInput {
  /** Running header on every page, e.g. "Distill Watch — Case 4f1c… — Privileged & Confidential". */
  caption: string;
  case: { id: string; title: string; summary: string; status?: string };
  /** When the report was built; the only value that may differ between two identical builds. */
  builtAt: Date;
  preparedBy: { name: string; email: string; role: string };
  organization: { name: string; contactEmail: string };
  dataSources: { name: string; description: string }[];
  timeZone: string;
  timeRange: { from: string | null; to: string | null };
  method: {
    productVersion: string;
    gitCommit: string;
    detectionRunId: string | null;
    detectionRunAt: string | null;
    signals: ReportSignalDefinition[];
    /** Thresholds in force at detection time (name → value). */
    thresholds: Record<string, number>;
    /** Signal weights in force at detection time (signal id → weight). */
    weights: Record<string, number>;
    riskFormula: string;
  };
  findings: ReportFinding[];
  clauses: ReportClause[];
  limitations: string[];
  alternativeExplanations: string[];
  exhibits: ReportExhibit[];
  custody: ReportCustodyEntry[];
  sample: { method: string; seed: string; size: number } | null;
  fields: 'full' | 'hashes';
  redaction: ReportRedactionSummary;
  declaration: {
    name: string;
    title: string;
    text: string;
    place?: string;
  };
}
