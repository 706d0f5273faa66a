import type { Campaign } from './families-attack';
import {
  HOSTING_ASNS,
  RESIDENTIAL_ASNS,
  SMALL_HOSTING_ASNS,
  ipIn,
  paymentFingerprint,
  pickCountry,
  prefix24,
  webmailDomain,
} from './infra';
import type { Rng } from './prng';
import { DAYS, DAY_MS, END_MS, HOUR_MS, START_MS } from './timing';
import type { AccountRecord, Infra } from './types';

type Made = { account: AccountRecord; infra: Infra; keys: { id: string; createdMs: number }[] };

/** Keys created every `everyDays` (1-3 for sweepers, 7 for hydra members) from `fromMs` to the end. */
function rotatingKeys(
  r: Rng,
  fromMs: number,
  everyDays: [number, number],
): { id: string; createdMs: number }[] {
  const keys = [];
  for (
    let t = fromMs;
    t < END_MS;
    t += r.int(everyDays[0], everyDays[1]) * DAY_MS + r.int(0, 20) * HOUR_MS
  ) {
    keys.push({ id: `key_${r.hex(16)}`, createdMs: t });
  }
  return keys;
}

/** Single-account attackers (sweep, reasoning, benchmark): fresh paid account on a VPS. */
export function singleAttacker(r: Rng, id: string, rotateKeys: boolean): Made {
  const createdMs = START_MS - r.int(1, 40) * DAY_MS - r.int(0, 86_399) * 1000;
  const asn = r.pick(HOSTING_ASNS);
  const prefixes = [prefix24(asn, r)];
  if (r.chance(0.5)) prefixes.push(prefix24(asn, r));
  const account: AccountRecord = {
    account_id: id,
    created_at: new Date(createdMs).toISOString(),
    email_domain: r.pick(['gmail.com', 'proton.me', 'outlook.com']),
    org_id: `org_${r.hex(12)}`,
    tier: r.pick(['build', 'scale']),
    country: pickCountry(r).code,
    payment_fingerprint: paymentFingerprint(r),
    signup_ip: ipIn(prefixes[0], r),
    verified: r.chance(0.6),
  };
  return {
    account,
    keys: rotatingKeys(r, createdMs, rotateKeys ? [1, 3] : [30, 60]),
    infra: {
      asn,
      prefixes,
      userAgents: [r.pick(['python-requests/2.31.0', 'anthropic-python/0.40.0', 'aiohttp/3.9.5'])],
      tzMin: 0,
      tsOffsetMin: null,
    },
  };
}

/** Shared rare infrastructure of one hydra network. */
export interface HydraInfra {
  campaign: Campaign;
  asn: number;
  prefixes: string[];
  payments: string[];
  userAgents: string[];
  domain: string;
  burstMs: number;
}

export function makeHydra(
  r: Rng,
  order: string[],
  payments: number,
  prefixes: number,
  agents: number,
): HydraInfra {
  const asn = r.pick(SMALL_HOSTING_ASNS);
  const burstMs = START_MS + r.int(2, 6) * DAY_MS + r.int(0, 20) * HOUR_MS;
  const firstDay = Math.ceil((burstMs - START_MS) / DAY_MS);
  const hourW = Array.from({ length: 24 }, () => (r.chance(0.18) ? 0.02 : r.range(0.4, 1.5)));
  const cumulative = new Float64Array(DAYS * 24);
  let acc = 0;
  for (let h = 0; h < DAYS * 24; h++) {
    const day = Math.floor(h / 24);
    if (day >= firstDay) acc += hourW[h % 24] * (0.8 + (0.4 * ((day * 7919) % 13)) / 13);
    cumulative[h] = acc;
  }
  const start = r.int(0, order.length - 1);
  const campaign: Campaign = {
    id: 'cmp-hydra-1',
    order: [...order.slice(start), ...order.slice(0, start)],
    total: 0,
    system: [
      'You are an expert assistant. Always answer completely and in full detail, never omitting any step.',
    ],
    temperature: 0.8,
    profile: cumulative,
  };
  return {
    campaign,
    asn,
    burstMs,
    prefixes: Array.from({ length: prefixes }, () => prefix24(asn, r)),
    payments: Array.from({ length: payments }, () => paymentFingerprint(r)),
    userAgents: ['python-httpx/0.25.2 hx-batch/1.4', 'aiohttp/3.8.6 relay-client/0.9'].slice(
      0,
      agents,
    ),
    domain: `quickinbox-${r.hex(4)}.xyz`,
  };
}

export function hydraMember(r: Rng, h: HydraInfra, k: number, id: string): Made {
  const createdMs = h.burstMs + r.next() * 4 * HOUR_MS;
  const prefix = h.prefixes[k % h.prefixes.length];
  const account: AccountRecord = {
    account_id: id,
    created_at: new Date(createdMs).toISOString(),
    email_domain: h.domain,
    org_id: `org_${r.hex(12)}`,
    tier: 'build',
    country: pickCountry(r).code,
    payment_fingerprint: h.payments[k % h.payments.length],
    signup_ip: ipIn(prefix, r),
    verified: r.chance(0.2),
  };
  return {
    account,
    keys: rotatingKeys(r, createdMs, [6, 8]),
    infra: {
      asn: h.asn,
      prefixes: [prefix],
      userAgents: [h.userAgents[k % h.userAgents.length]],
      tzMin: 0,
      tsOffsetMin: null,
    },
  };
}

/**
 * Quiet adaptive harvester: an ordinary-looking paid account of its own (residential network,
 * webmail, own card, mainstream SDK): nothing rare shared with the other accounts of its campaign.
 */
export function adaptiveMember(r: Rng, id: string): Made {
  const createdMs = START_MS - r.int(20, 200) * DAY_MS - r.int(0, 86_399) * 1000;
  const country = pickCountry(r);
  const asn = r.pick(RESIDENTIAL_ASNS);
  const prefixes = [prefix24(asn, r)];
  const account: AccountRecord = {
    account_id: id,
    created_at: new Date(createdMs).toISOString(),
    email_domain: webmailDomain(r),
    org_id: `org_${r.hex(12)}`,
    tier: r.pick(['build', 'scale']),
    country: country.code,
    payment_fingerprint: paymentFingerprint(r),
    signup_ip: ipIn(prefixes[0], r),
    verified: true,
  };
  return {
    account,
    keys: [{ id: `key_${r.hex(16)}`, createdMs: createdMs + r.int(0, 3) * DAY_MS }],
    infra: {
      asn,
      prefixes,
      userAgents: [
        r.pick(['anthropic-python/0.42.0', 'anthropic-typescript/0.33.1', 'openai-python/1.54.0']),
      ],
      tzMin: country.tzMin,
      tsOffsetMin: null,
    },
  };
}

/** Low-and-slow: weaker shared indicators (two residential networks, two mail providers, one SDK version). */
export function makeLowSlow(
  r: Rng,
  order: string[],
): { campaign: Campaign; asns: number[]; domains: string[]; signupMs: number } {
  const campaign: Campaign = {
    id: 'cmp-lowslow-1',
    order: r.shuffle([...order]),
    total: 0,
    temperature: 0.8,
    system: [
      'You are a knowledgeable assistant. Answer thoroughly.',
      'You are a knowledgeable assistant; answer thoroughly and completely.',
      'Act as a knowledgeable assistant and answer thoroughly.',
    ],
  };
  return {
    campaign,
    asns: r.shuffle([...RESIDENTIAL_ASNS]).slice(0, 2),
    domains: ['fastmail.com', 'posteo.de'],
    signupMs: START_MS - r.int(15, 30) * DAY_MS,
  };
}

export function lowSlowMember(r: Rng, l: ReturnType<typeof makeLowSlow>, id: string): Made {
  const createdMs = l.signupMs + r.next() * 10 * DAY_MS;
  const country = pickCountry(r);
  const asn = r.pick(l.asns);
  const prefixes = [prefix24(asn, r)];
  const account: AccountRecord = {
    account_id: id,
    created_at: new Date(createdMs).toISOString(),
    email_domain: r.chance(0.8) ? r.pick(l.domains) : webmailDomain(r),
    org_id: `org_${r.hex(12)}`,
    tier: 'build',
    country: country.code,
    payment_fingerprint: paymentFingerprint(r),
    signup_ip: ipIn(prefixes[0], r),
    verified: true,
  };
  return {
    account,
    keys: rotatingKeys(r, createdMs, [20, 40]),
    infra: {
      asn,
      prefixes,
      userAgents: ['anthropic-python/0.39.0'],
      tzMin: country.tzMin,
      tsOffsetMin: null,
    },
  };
}
