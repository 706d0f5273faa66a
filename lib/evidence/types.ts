import type { Pool } from 'pg';
import type { RedactionKind } from './redact/redact';
import type { CustodyCut } from './writers/custody';

// The contract between the bag writer (lib/evidence/bag) and its callers: the export jobs, the
// CLI and the report renderer. Until cases land, a scope is a case id + title + accounts +
// clusters + time range; `scopeOfCase()` will read it from the case when they do.

export interface EvidenceScope {
  caseId: string;
  title: string;
  accountIds: string[];
  /** Members of these clusters are added to the scope. */
  clusterIds: string[];
  /** Half-open [from, to); ISO strings or Dates; absent = unbounded. */
  from?: string | Date;
  to?: string | Date;
  /** When the case was opened: the STIX objects' created/modified time (deterministic). */
  openedAt?: string | Date;
  /** The accounts as the export's cut-off fixed them: used as they are, clusters not re-read. */
  resolvedAccountIds?: string[];
  /** Events of ingest runs newer than this id are left out (the cut-off's newest run). */
  maxRunId?: string | null;
  /** Events stamped at or after this events_insert_seq value committed after the cut-off: left out. */
  maxEventSeq?: string | null;
}

/** What STIX needs from the detection tables (clusters and shared infrastructure). */
export interface StixFacts {
  clusters: { id: string; risk: number; reasons: string[]; members: string[] }[];
  shared: { kind: string; value: string; accounts: string[] }[];
}

export type EvidenceFields = 'full' | 'hashes';

export interface PrivilegeEntry {
  bates?: string;
  date: string;
  author: string;
  recipients?: string;
  description: string;
  basis: string;
}

/** One event of the export's own history for the custody log (requested, approved, started…). */
export interface CustodyInput {
  at: string | Date;
  actor: string | null;
  action: string;
  details?: Record<string, unknown>;
}

export interface SampleOptions {
  seed: string;
  /** How many events to draw for the exhibits. */
  size: number;
}

export interface BuildEvidenceOptions {
  scope: EvidenceScope;
  /** Where the finished zip goes. It is written as `<outPath>.partial` and renamed at the end. */
  outPath: string;
  pool?: Pool;
  fields?: EvidenceFields;
  /** Redact third-party personal data in prompts/responses (default true). */
  redact?: boolean;
  eventsPerFile?: number;
  batesPrefix?: string;
  sample?: SampleOptions;
  privilegeLog?: PrivilegeEntry[];
  exportId?: string;
  exportEvents?: CustodyInput[];
  /** Where the custody log stops (default: the chain position of the head at build start). */
  auditCutoff?: CustodyCut;
  /** STIX facts fixed at the export's cut-off (default: read from the detection tables now). */
  stixFacts?: StixFacts;
  /** The cut-off's time, printed in the report (default: the build's start). */
  cutoffAt?: string;
  /** Renders data/report.pdf once every other payload file is written (h11b's renderer). */
  renderReport?: (ctx: BagReportContext) => Promise<Buffer>;
  /** Fetch an RFC 3161 token when TSA_URL is set (default true). */
  timestamp?: boolean;
  /** The timestamp authority (default TSA_URL). */
  tsaUrl?: string;
  /** Deflate level for the zip (0 = stored). Default 1: JSONL shrinks ~5× even at level 1. */
  compressionLevel?: number;
  /** How events are read: COPY TO STDOUT (default) or a server-side cursor (same bytes). */
  reader?: 'copy' | 'cursor';
  /** The bag's directory name inside the zip (default `evidence-<case id>`). */
  bagName?: string;
  now?: Date;
}

export interface BuildProgress {
  phase: 'scope' | 'natives' | 'files' | 'report' | 'manifests' | 'signing' | 'done';
  eventsDone: number;
  eventsTotal: number;
}

export interface BuildHooks {
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
}

/** One native file as the load file lists it. */
export interface NativeFile {
  path: string; // bag-relative, e.g. data/natives/PROD0000001.jsonl
  begBates: string;
  endBates: string;
  events: number;
  bytes: number;
  sha256: string;
  /** SHA-256 the file would have without redaction (equal to sha256 when nothing was redacted). */
  unredactedSha256: string;
  custodian: string;
  dateFrom: string;
  dateTo: string;
  redactions: number;
}

export interface ExhibitSample {
  method: string;
  seed: string;
  size: number;
  items: {
    bates: string;
    eventId: string;
    accountId: string;
    ts: string;
    path: string;
    line: number;
    /** SHA-256 of the native line (as delivered, without its newline). */
    sha256: string;
  }[];
}

export interface CustodyEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: unknown;
  reason: string | null;
  source: 'audit_log' | 'export';
  audit_id: string | null;
  audit_hash: string | null;
  prev_hash: string;
  hash: string;
}

/** One day of a report chart, counted from the package's own events (writers/chart-series.ts). */
export interface DailyPoint {
  key: string;
  events: number;
  /** Taxonomy buckets first reached that day. */
  tax_new: number;
}

/** What the report renderer gets: everything it needs to cite, already hashed. */
export interface BagReportContext {
  scope: EvidenceScope;
  accountIds: string[];
  builtAt: string;
  fields: EvidenceFields;
  redact: boolean;
  redactionsByKind: Partial<Record<RedactionKind, number>>;
  natives: NativeFile[];
  /** Every payload file written before the report, with its hashes (the exhibit list). */
  files: { path: string; bytes: number; sha256: string }[];
  sample: ExhibitSample;
  custody: CustodyEntry[];
  auditChainHead: { id: string; hash: string } | null;
  signingKeyId: string;
  events: number;
  /** Per account in scope: events and first/last event time in the natives. */
  spans: Record<string, { events: number; first: string; last: string }>;
  /**
   * Chart series from the same snapshot and cut-off as the natives, keyed `account:<id>` (the
   * first MAX_ACCOUNT_FINDINGS accounts of the report's order) and `cluster:<id>`.
   */
  series: Record<string, DailyPoint[]>;
  /** When the data was cut off (the export's cut-off, else the build's start). */
  cutoffAt: string;
}

export interface BuildResult {
  path: string;
  bagName: string;
  bytes: number;
  /** SHA-256 of the zip itself (for the download record). */
  sha256: string;
  events: number;
  payloadFiles: number;
  payloadOxum: string;
  tagManifestSha256: string;
  signingKeyId: string;
  timestamped: boolean;
  auditChainHead: { id: string; hash: string } | null;
  custodyHead: string;
  redactions: number;
  sample: ExhibitSample;
}
