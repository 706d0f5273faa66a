import type { Rng } from './prng';

/**
 * Synthetic network and identity attributes. Benign traffic comes from big shared networks and
 * common clients; attack infrastructure is rare (documentation-range ASNs 64496-64511 stand in for
 * small hosting providers, so no real network is implicated).
 */
export const COUNTRIES: { code: string; tzMin: number; weight: number }[] = [
  { code: 'US', tzMin: -300, weight: 30 },
  { code: 'US', tzMin: -480, weight: 14 },
  { code: 'GB', tzMin: 0, weight: 8 },
  { code: 'DE', tzMin: 60, weight: 7 },
  { code: 'FR', tzMin: 60, weight: 5 },
  { code: 'IN', tzMin: 330, weight: 9 },
  { code: 'BR', tzMin: -180, weight: 5 },
  { code: 'JP', tzMin: 540, weight: 4 },
  { code: 'CA', tzMin: -300, weight: 4 },
  { code: 'AU', tzMin: 600, weight: 3 },
  { code: 'NL', tzMin: 60, weight: 3 },
  { code: 'KR', tzMin: 540, weight: 2 },
  { code: 'SG', tzMin: 480, weight: 2 },
  { code: 'ES', tzMin: 60, weight: 2 },
  { code: 'PL', tzMin: 60, weight: 2 },
];
const COUNTRY_W = COUNTRIES.map((c) => c.weight);

export const CLOUD_ASNS = [16509, 14618, 15169, 396982, 8075];
export const RESIDENTIAL_ASNS = [
  7922, 701, 7018, 3320, 3215, 2856, 55836, 2516, 4766, 28573, 6830, 812,
];
export const HOSTING_ASNS = [14061, 24940, 16276, 63949, 20473];
export const SMALL_HOSTING_ASNS = [64496, 64499, 64502, 64505, 64508, 64511];

export const SDK_AGENTS = [
  'anthropic-python/0.40.0',
  'anthropic-python/0.39.0',
  'anthropic-python/0.42.1',
  'anthropic-typescript/0.32.1',
  'anthropic-typescript/0.33.0',
  'python-httpx/0.27.2',
  'langchain-anthropic/0.3.1',
];
export const BROWSER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
];
export const AGENT_CLIENTS = [
  'claude-code/1.0.51',
  'claude-code/1.0.60',
  'cursor/0.44.11',
  'anthropic-typescript/0.33.0',
];
export const EVAL_AGENTS = [
  'anthropic-python/0.40.0',
  'inspect-ai/0.3.52 anthropic-python/0.40.0',
  'lm-eval/0.4.5 anthropic-python/0.39.0',
];

export const WEBMAIL = [
  ['gmail.com', 45],
  ['outlook.com', 12],
  ['yahoo.com', 6],
  ['icloud.com', 6],
  ['hotmail.com', 4],
  ['proton.me', 3],
] as const;
const WEBMAIL_W = WEBMAIL.map((w) => w[1]);
const WORDS = [
  'north',
  'blue',
  'cedar',
  'orbit',
  'quarry',
  'delta',
  'lumen',
  'harbor',
  'pixel',
  'summit',
  'atlas',
  'fern',
];

export function pickCountry(r: Rng): { code: string; tzMin: number } {
  return COUNTRIES[r.weighted(COUNTRY_W)];
}

export function webmailDomain(r: Rng): string {
  return WEBMAIL[r.weighted(WEBMAIL_W)][0];
}

export function companyDomain(r: Rng): string {
  return `${r.pick(WORDS)}-${r.pick(WORDS)}${r.int(1, 999)}.com`;
}

/** First octets by ASN, so each network owns a stable, plausible-looking part of the space. */
function asnOctets(asn: number, r: Rng): [number, number] {
  const first = [
    3, 13, 18, 23, 34, 35, 44, 52, 54, 64, 73, 81, 86, 92, 98, 104, 108, 142, 151, 172, 185, 188,
    194, 203,
  ];
  const a = first[(asn * 7 + r.int(0, 3)) % first.length];
  return [a, r.int(0, 255)];
}

/** A random /24 ("a.b.c") inside the ASN's space. */
export function prefix24(asn: number, r: Rng): string {
  const [a, b] = asnOctets(asn, r);
  return `${a}.${b}.${r.int(0, 255)}`;
}

export function ipIn(prefix: string, r: Rng): string {
  return `${prefix}.${r.int(2, 254)}`;
}

export function paymentFingerprint(r: Rng): string {
  return `pf_${r.hex(24)}`;
}
