import type { Rng } from './prng';

export type BenignFamily =
  'chat' | 'coding_agent' | 'eval' | 'batch' | 'power' | 'broad' | 'cowork';
export type AttackFamily = 'sweep' | 'reasoning' | 'benchmark' | 'hydra' | 'lowslow' | 'adaptive';
export type Family = BenignFamily | AttackFamily;
export const BENIGN_FAMILIES: readonly BenignFamily[] = [
  'chat',
  'coding_agent',
  'eval',
  'batch',
  'power',
  'broad',
  'cowork',
];
export const ATTACK_FAMILIES: readonly AttackFamily[] = [
  'sweep',
  'reasoning',
  'benchmark',
  'hydra',
  'lowslow',
  'adaptive',
];

export type FinishReason = 'stop' | 'length' | 'tool_use' | 'content_filter' | 'error';

/** One account line (product brief, "Data contract"). Absent optional fields are omitted. */
export interface AccountRecord {
  account_id: string;
  created_at: string;
  email_domain: string;
  org_id: string;
  tier: 'free' | 'build' | 'scale' | 'enterprise';
  country: string;
  payment_fingerprint?: string;
  signup_ip: string;
  verified: boolean;
}

export interface TruthRow {
  account_id: string;
  label: 'benign' | 'attack';
  family: Family;
  campaign_id: string | null;
}

/** Event times of one account, sorted; conv = -1 when the request has no conversation id. */
export interface Schedule {
  ts: Float64Array;
  conv: Int32Array;
  turn: Int32Array;
}

/** The family-specific part of one request. */
export interface Body {
  model: string;
  prompt: string;
  bucket: string;
  system?: string;
  maxTokens: number;
  outTokens: number;
  temperature?: number;
  thinking?: boolean;
  finish?: FinishReason;
  /** send prompt_sha256 instead of the text (privacy mode) */
  hashed?: boolean;
}

export interface Infra {
  asn: number;
  /** "a.b.c" prefixes of the /24s the account sends from */
  prefixes: string[];
  userAgents: string[];
  /** offset used to write timestamps (minutes east of UTC), null = 'Z' */
  tsOffsetMin: number | null;
  /** the account holder's local time zone (for diurnal timing) */
  tzMin: number;
}

export interface Actor {
  index: number;
  family: Family;
  label: 'benign' | 'attack';
  campaignId: string | null;
  account: AccountRecord;
  infra: Infra;
  /** API keys: id and creation time (ms); requests use the newest key created before them */
  keys: { id: string; createdMs: number }[];
  /** relative volume weight; events = round(M * weight / sum) */
  weight: number;
  /** family parameters fixed at account creation (slice of a sweep, favourite buckets, ...) */
  params: Record<string, unknown>;
  rng: Rng;
}

export interface Behaviour {
  schedule: Schedule;
  body(i: number, r: Rng): Body;
}
