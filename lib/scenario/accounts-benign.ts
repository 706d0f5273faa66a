import {
  AGENT_CLIENTS,
  BROWSER_AGENTS,
  CLOUD_ASNS,
  EVAL_AGENTS,
  RESIDENTIAL_ASNS,
  SDK_AGENTS,
  companyDomain,
  ipIn,
  paymentFingerprint,
  pickCountry,
  prefix24,
  webmailDomain,
} from './infra';
import type { Rng } from './prng';
import { DAY_MS, START_MS } from './timing';
import type { AccountRecord, BenignFamily, Infra } from './types';

/** A company whose employees share org, e-mail domain, card and office network: a benign cluster. */
export interface Team {
  org: string;
  domain: string;
  payment: string;
  prefix: string;
  asn: number;
  country: { code: string; tzMin: number };
}

export function makeTeam(r: Rng): Team {
  const asn = r.pick([...CLOUD_ASNS, ...RESIDENTIAL_ASNS]);
  return {
    org: `org_${r.hex(12)}`,
    domain: companyDomain(r),
    payment: paymentFingerprint(r),
    prefix: prefix24(asn, r),
    asn,
    country: pickCountry(r),
  };
}

const TIERS: Record<BenignFamily, [AccountRecord['tier'], number][]> = {
  chat: [
    ['free', 55],
    ['build', 40],
    ['scale', 5],
  ],
  power: [
    ['build', 60],
    ['scale', 40],
  ],
  broad: [
    ['build', 30],
    ['scale', 50],
    ['enterprise', 20],
  ],
  cowork: [
    ['free', 40],
    ['build', 55],
    ['scale', 5],
  ],
  coding_agent: [
    ['build', 55],
    ['scale', 35],
    ['enterprise', 10],
  ],
  eval: [
    ['scale', 60],
    ['enterprise', 40],
  ],
  batch: [
    ['build', 40],
    ['scale', 45],
    ['enterprise', 15],
  ],
};

function userAgents(r: Rng, f: BenignFamily): string[] {
  if (f === 'coding_agent') return [r.pick(AGENT_CLIENTS)];
  if (f === 'eval') return [r.pick(EVAL_AGENTS)];
  if (f === 'batch') return [r.pick(SDK_AGENTS)];
  const browser = r.chance(f === 'power' ? 0.4 : 0.5);
  const ua = browser ? r.pick(BROWSER_AGENTS) : r.pick(SDK_AGENTS);
  return f === 'power' && r.chance(0.5) ? [ua, r.pick(SDK_AGENTS)] : [ua];
}

export function benignAccount(
  r: Rng,
  f: BenignFamily,
  id: string,
  team: Team | null,
  hashed: boolean,
): { account: AccountRecord; infra: Infra; keys: { id: string; createdMs: number }[] } {
  const country = team?.country ?? pickCountry(r);
  const createdMs = START_MS - r.int(5, 700) * DAY_MS - r.int(0, 86_399) * 1000;
  const tierW = TIERS[f];
  let tier = tierW[r.weighted(tierW.map((t) => t[1]))][0];
  if (hashed) tier = 'enterprise';
  const cloudShare = f === 'chat' ? 0.25 : f === 'power' ? 0.2 : f === 'coding_agent' ? 0.5 : 1;
  const asn = team?.asn ?? (r.chance(cloudShare) ? r.pick(CLOUD_ASNS) : r.pick(RESIDENTIAL_ASNS));
  const prefixes = [team?.prefix ?? prefix24(asn, r)];
  if (!team && f !== 'batch' && f !== 'eval' && r.chance(0.2)) prefixes.push(prefix24(asn, r)); // a second network (mobile, VPN)
  const payment =
    team?.payment ?? (tier === 'free' && r.chance(0.7) ? undefined : paymentFingerprint(r));
  const account: AccountRecord = {
    account_id: id,
    created_at: new Date(createdMs).toISOString(),
    email_domain:
      team?.domain ?? (r.chance(f === 'chat' ? 0.15 : 0.5) ? companyDomain(r) : webmailDomain(r)),
    org_id: team?.org ?? `org_${r.hex(12)}`,
    tier,
    country: country.code,
    ...(payment ? { payment_fingerprint: payment } : {}),
    signup_ip: ipIn(prefixes[0], r),
    verified: r.chance(tier === 'free' ? 0.6 : 0.95),
  };
  const keys = [{ id: `key_${r.hex(16)}`, createdMs: createdMs + r.int(0, 3) * DAY_MS }];
  if (r.chance(0.25))
    keys.push({ id: `key_${r.hex(16)}`, createdMs: START_MS + r.int(1, 40) * DAY_MS });
  const infra: Infra = {
    asn,
    prefixes,
    userAgents: userAgents(r, f),
    tzMin: country.tzMin,
    tsOffsetMin: r.chance(0.15) ? country.tzMin : null,
  };
  return { account, infra, keys };
}
