import type { Family } from './types';

/**
 * Population mixes. "default" follows the brief (chat ~70%, coding agents 8%, eval 3%, batch 4%,
 * power users 2%, hydra ~5% with at least 20 members, a few single-account attackers per family);
 * "alt" shifts everything (more eval/batch hard negatives, a bigger and less uniform hydra) so
 * that detection is not tuned to one mix.
 */
export type MixName = 'default' | 'alt' | 'scale';

interface MixSpec {
  share: Partial<Record<Family, number>>;
  hydra: {
    share: number;
    min: number;
    payments: [number, number];
    prefixes: [number, number];
    userAgents: number;
  };
  singles: Record<'sweep' | 'reasoning' | 'benchmark', { share: number; min: number; max: number }>;
  lowslow: { share: number; min: number; max: number };
  /** quiet adaptive harvesters: independent accounts, no shared infrastructure */
  adaptive: { share: number; min: number; max: number };
  /** benign accounts sharing one rare indicator (the hydra's office /24) with a campaign */
  cowork: { share: number; min: number; max: number };
  /** [median multiple of a typical chat user's volume, log-sd] */
  volume: Record<Family, [number, number]>;
  /** share of chat/coding accounts that belong to a company team (shared org, domain, card, /24) */
  teamShare: number;
  /** share of benign accounts that send prompt_sha256 instead of the text */
  hashedShare: number;
}

export const MIXES = {
  default: {
    share: { coding_agent: 0.08, eval: 0.03, batch: 0.04, power: 0.02, broad: 0.01 },
    hydra: { share: 0.05, min: 20, payments: [3, 5], prefixes: [3, 6], userAgents: 1 },
    singles: {
      sweep: { share: 0.003, min: 3, max: 6 },
      reasoning: { share: 0.003, min: 3, max: 6 },
      benchmark: { share: 0.003, min: 3, max: 6 },
    },
    lowslow: { share: 0.01, min: 5, max: 20 },
    adaptive: { share: 0.004, min: 3, max: 10 },
    cowork: { share: 0.004, min: 3, max: 12 },
    volume: {
      chat: [1, 1.0],
      coding_agent: [8, 0.8],
      eval: [4, 0.6],
      batch: [12, 0.5],
      power: [6, 0.5],
      sweep: [40, 0.25],
      reasoning: [25, 0.3],
      benchmark: [30, 0.25],
      hydra: [1.1, 0.2],
      lowslow: [2, 0.4],
      adaptive: [9, 0.4],
      broad: [14, 0.5],
      cowork: [1, 1.0],
    },
    teamShare: 0.06,
    hashedShare: 0.03,
  },
  alt: {
    share: { coding_agent: 0.1, eval: 0.08, batch: 0.1, power: 0.04, broad: 0.015 },
    hydra: { share: 0.08, min: 30, payments: [6, 9], prefixes: [6, 10], userAgents: 2 },
    singles: {
      sweep: { share: 0.004, min: 4, max: 8 },
      reasoning: { share: 0.002, min: 2, max: 4 },
      benchmark: { share: 0.005, min: 5, max: 9 },
    },
    lowslow: { share: 0.015, min: 8, max: 20 },
    adaptive: { share: 0.006, min: 4, max: 12 },
    cowork: { share: 0.006, min: 4, max: 14 },
    volume: {
      chat: [1, 1.1],
      coding_agent: [10, 0.8],
      eval: [6, 0.6],
      batch: [18, 0.5],
      power: [8, 0.5],
      sweep: [30, 0.3],
      reasoning: [20, 0.3],
      benchmark: [25, 0.3],
      hydra: [0.9, 0.3],
      lowslow: [1.5, 0.4],
      adaptive: [11, 0.4],
      broad: [20, 0.5],
      cowork: [1.2, 1.0],
    },
    teamShare: 0.1,
    hashedShare: 0.05,
  },
} as Record<MixName, MixSpec>;

// "scale" (npm run scale): the default population with the reported campaign's hydra, 10 % of the
// accounts (2,500 of 25,000) on a few shared rare /24s and cards; its volume is set per member by
// allocateEvents' hydraMean (about 1,150 exchanges each at the reported size).
MIXES.scale = { ...MIXES.default, hydra: { ...MIXES.default.hydra, share: 0.1 } };

// The reported campaign: ~1,150 exchanges per account from 2,500 of 25,000 accounts in 29M.
const REPORTED = { events: 29_000_000, accounts: 25_000, perMember: 1_150 };

/** Mix "scale": events per hydra member, the reported 1,150 scaled with events per account. */
export function scaleHydraMean(events: number, accounts: number): number {
  const perAccount = events / Math.max(1, accounts) / (REPORTED.events / REPORTED.accounts);
  return Math.max(3, Math.round(REPORTED.perMember * perAccount));
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Accounts per family for N accounts; chat takes whatever the other families leave. */
export function familyCounts(n: number, mix: MixName): Record<Family, number> {
  const m = MIXES[mix];
  const single = (s: { share: number; min: number; max: number }) =>
    clamp(Math.round(n * s.share), s.min, s.max);
  const counts: Record<Family, number> = {
    chat: 0,
    coding_agent: Math.round(n * (m.share.coding_agent ?? 0)),
    eval: Math.max(1, Math.round(n * (m.share.eval ?? 0))),
    batch: Math.max(1, Math.round(n * (m.share.batch ?? 0))),
    power: Math.max(1, Math.round(n * (m.share.power ?? 0))),
    broad: Math.max(1, Math.round(n * (m.share.broad ?? 0))),
    cowork: single(m.cowork),
    sweep: single(m.singles.sweep),
    reasoning: single(m.singles.reasoning),
    benchmark: single(m.singles.benchmark),
    hydra: Math.max(m.hydra.min, Math.round(n * m.hydra.share)),
    lowslow: single(m.lowslow),
    adaptive: single(m.adaptive),
  };
  const used = Object.values(counts).reduce((a, b) => a + b, 0);
  counts.chat = n - used;
  if (counts.chat < Math.round(n * 0.3)) {
    throw new Error(
      `--accounts ${n} is too small for the ${mix} mix (attack families need ${used} accounts); use at least 150`,
    );
  }
  return counts;
}
