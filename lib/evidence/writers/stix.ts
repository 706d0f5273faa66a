import type { PoolClient } from 'pg';
import { uuidv5 } from './uuid5';
import type { StixFacts } from '../types';
import type { AccountSpan } from './natives';

// data/stix/bundle.json (STIX 2.1): the producing identity, a campaign for the case, an
// intrusion-set per cluster in scope, a user-account + observed-data per account, an indicator per
// shared infrastructure value (IP /24, ASN, user agent, system prompt, API key, payment
// fingerprint, email domain) with a STIX pattern, and the relationships between them. Ids are
// UUIDv5 of (case id, object key) and timestamps come from the case, so rebuilds are identical.

const NAMESPACE = '6f7c1f52-0c6b-4c53-9c4e-0a8e5d7d1c11'; // Distill Watch evidence, fixed forever
// STIX 2.1 §2.9: SCO ids are UUIDv5 in this namespace over their id-contributing properties.
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

type SharedIndicator = StixFacts['shared'][number];

export interface StixInput extends StixFacts {
  caseId: string;
  title: string;
  organization: string;
  /** Case opening time (ISO); created/modified of every SDO. */
  createdAt: string;
  accounts: Map<string, AccountSpan>;
}

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A STIX pattern for one shared value, or null when the kind has no observable to match. */
export function stixPattern(kind: string, value: string): string | null {
  switch (kind) {
    case 'ip24':
    case 'signup_ip24': {
      const cidr = value.includes('/') ? value : `${value}/24`;
      return cidr.includes(':')
        ? `[ipv6-addr:value ISSUBSET ${q(cidr)}]`
        : `[ipv4-addr:value ISSUBSET ${q(cidr)}]`;
    }
    case 'asn':
      return /^\d+$/.test(value) ? `[autonomous-system:number = ${value}]` : null;
    case 'user_agent':
      return `[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = ${q(value)}]`;
    case 'system_prompt':
      return /^[0-9a-f]{64}$/i.test(value) ? `[artifact:hashes.'SHA-256' = ${q(value)}]` : null;
    case 'api_key':
      return `[user-account:account_login = ${q(value)}]`;
    case 'email_domain':
      return `[email-addr:value LIKE ${q(`%@${value}`)}]`;
    case 'payment':
      return `[x-payment-instrument:fingerprint = ${q(value)}]`;
    default:
      return null;
  }
}

export function stixBundle(i: StixInput): object {
  const id = (type: string, key: string) => `${type}--${uuidv5(`${i.caseId}:${key}`, NAMESPACE)}`;
  const t = i.createdAt;
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidv5(`identity:${i.organization}`, NAMESPACE)}`,
    created: t,
    modified: t,
    name: i.organization,
    identity_class: 'organization',
  };
  const common = { spec_version: '2.1', created: t, modified: t, created_by_ref: identity.id };
  const objects: object[] = [identity];
  const rel = (source: string, type: string, target: string) =>
    objects.push({
      type: 'relationship',
      ...common,
      id: id('relationship', `${source}|${type}|${target}`),
      relationship_type: type,
      source_ref: source,
      target_ref: target,
    });

  const spans = [...i.accounts.values()];
  const campaign = {
    type: 'campaign',
    ...common,
    id: id('campaign', 'case'),
    name: i.title,
    description: `Distill Watch case ${i.caseId}: suspected distillation of model outputs.`,
    external_references: [{ source_name: 'distill-watch-case', external_id: i.caseId }],
    ...(spans.length
      ? {
          first_seen: spans.map((s) => s.first).sort()[0],
          last_seen: spans.map((s) => s.last).sort()[spans.length - 1],
        }
      : {}),
  };
  objects.push(campaign);

  const clusterOf = new Map<string, string>();
  for (const c of i.clusters) {
    const set = {
      type: 'intrusion-set',
      ...common,
      id: id('intrusion-set', `cluster:${c.id}`),
      name: `Cluster ${c.id}`,
      description: `${c.members.length} linked accounts; risk ${c.risk.toFixed(2)}; ${c.reasons.join('; ')}`,
    };
    objects.push(set);
    rel(campaign.id, 'attributed-to', set.id);
    for (const m of c.members) clusterOf.set(m, set.id);
  }

  for (const [account, span] of [...i.accounts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ua = {
      type: 'user-account',
      spec_version: '2.1',
      id: `user-account--${uuidv5(JSON.stringify({ user_id: account }), SCO_NAMESPACE)}`,
      user_id: account,
      account_type: 'distill-watch-api-account',
    };
    const od = {
      type: 'observed-data',
      ...common,
      id: id('observed-data', `account:${account}`),
      first_observed: span.first,
      last_observed: span.last,
      number_observed: Math.max(1, span.events),
      object_refs: [ua.id],
    };
    objects.push(ua, od);
    rel(od.id, 'related-to', clusterOf.get(account) ?? campaign.id);
  }

  for (const s of i.shared) {
    const pattern = stixPattern(s.kind, s.value);
    if (!pattern) continue;
    const ind = {
      type: 'indicator',
      ...common,
      id: id('indicator', `${s.kind}:${s.value}`),
      name: `Shared ${s.kind}: ${s.value.length > 80 ? `${s.value.slice(0, 80)}…` : s.value}`,
      description: `Shared by ${s.accounts.length} accounts in scope: ${s.accounts.join(', ')}`,
      indicator_types: ['attribution'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: t,
    };
    objects.push(ind);
    const targets = new Set(s.accounts.map((a) => clusterOf.get(a) ?? campaign.id));
    for (const target of [...targets].sort()) rel(ind.id, 'indicates', target);
  }
  return { type: 'bundle', id: id('bundle', 'bundle'), objects };
}

const SHARED_SQL = `
SELECT kind, value, array_agg(account_id ORDER BY account_id) AS accounts FROM (
  SELECT account_id, kind, value FROM account_indicator
   WHERE account_id = ANY($1::text[]) AND kind <> 'model'
  UNION
  SELECT account_id, 'payment', payment_fingerprint FROM accounts
   WHERE account_id = ANY($1::text[]) AND payment_fingerprint IS NOT NULL
  UNION
  SELECT account_id, 'email_domain', lower(email_domain) FROM accounts
   WHERE account_id = ANY($1::text[]) AND email_domain IS NOT NULL
) x GROUP BY kind, value HAVING count(*) >= 2 ORDER BY kind, value LIMIT 1000`;

const CLUSTERS_SQL = `
SELECT c.id, c.risk, coalesce(c.reasons, '{}') AS reasons,
       array_agg(m.account_id ORDER BY m.account_id) FILTER (WHERE m.account_id IS NOT NULL) AS members
  FROM clusters c LEFT JOIN cluster_members m ON m.cluster_id = c.id
 WHERE c.id = ANY($1::text[]) GROUP BY c.id, c.risk, c.reasons ORDER BY c.id`;

export async function loadStixFacts(
  client: Pick<PoolClient, 'query'>,
  accountIds: string[],
  clusterIds: string[],
): Promise<StixFacts> {
  const shared = (await client.query<SharedIndicator>(SHARED_SQL, [accountIds])).rows;
  const clusters = (
    await client.query<{ id: string; risk: number; reasons: string[]; members: string[] | null }>(
      CLUSTERS_SQL,
      [clusterIds],
    )
  ).rows.map((c) => ({ ...c, members: c.members ?? [] }));
  return { shared, clusters };
}
