import { benignAccount, makeTeam, type Team } from './accounts-benign';
import {
  adaptiveMember,
  hydraMember,
  lowSlowMember,
  makeHydra,
  makeLowSlow,
  singleAttacker,
} from './accounts-attack';
import type { ScenarioContext } from './context';
import { MIXES, familyCounts, type MixName } from './mix';
import { Rng } from './prng';
import { ipIn } from './infra';
import { ATTACK_FAMILIES, BENIGN_FAMILIES, type Actor, type Family } from './types';

/**
 * Creates every account with its infrastructure, keys, volume weight and family parameters.
 * Accounts are shuffled before ids are drawn, so neither position nor id reveals the family.
 */
export function buildActors(ctx: ScenarioContext, seed: number, mix: MixName, n: number): Actor[] {
  const spec = MIXES[mix];
  const counts = familyCounts(n, mix);
  const master = new Rng('actors', seed, mix);
  const slots: Family[] = [];
  for (const f of [...BENIGN_FAMILIES, ...ATTACK_FAMILIES])
    for (let k = 0; k < counts[f]; k++) slots.push(f);
  master.shuffle(slots);
  const ids = slots.map(() => `acct_${master.hex(16)}`);

  const hydra = makeHydra(
    master.fork('hydra'),
    ctx.buckets,
    master.int(...spec.hydra.payments),
    master.int(...spec.hydra.prefixes),
    spec.hydra.userAgents,
  );
  const lowslow = makeLowSlow(master.fork('lowslow'), ctx.buckets);
  let team: Team | null = null;
  let teamLeft = 0;
  const seen: Partial<Record<Family, number>> = {};

  return slots.map((family, index) => {
    const r = master.fork('account', index);
    const k = (seen[family] = (seen[family] ?? -1) + 1);
    const [median, sigma] = spec.volume[family];
    const base = { index, family, rng: r.fork('events'), weight: r.logNormal(median, sigma) };
    if (family === 'hydra') {
      return {
        ...base,
        ...hydraMember(r, hydra, k, ids[index]),
        label: 'attack',
        campaignId: hydra.campaign.id,
        params: { campaign: hydra.campaign, member: k },
      } satisfies Actor;
    }
    if (family === 'lowslow') {
      return {
        ...base,
        ...lowSlowMember(r, lowslow, ids[index]),
        label: 'attack',
        campaignId: lowslow.campaign.id,
        params: { campaign: lowslow.campaign, member: k },
      } satisfies Actor;
    }
    if (family === 'adaptive') {
      return {
        ...base,
        ...adaptiveMember(r, ids[index]),
        label: 'attack',
        campaignId: 'cmp-adaptive-1',
        params: {},
      } satisfies Actor;
    }
    if (family === 'cowork') {
      // Benign users behind the hydra's office egress: one rare /24 (and its ASN) in common.
      const made = benignAccount(r, 'cowork', ids[index], null, false);
      const prefix = hydra.prefixes[k % hydra.prefixes.length];
      made.infra = { ...made.infra, asn: hydra.asn, prefixes: [prefix] };
      made.account = { ...made.account, signup_ip: ipIn(prefix, r) };
      return {
        ...base,
        ...made,
        label: 'benign',
        campaignId: null,
        params: { hashed: false, team: null },
      } satisfies Actor;
    }
    if (family === 'sweep' || family === 'reasoning' || family === 'benchmark') {
      return {
        ...base,
        ...singleAttacker(r, ids[index], family === 'sweep'),
        label: 'attack',
        campaignId: `cmp-${family}-${k + 1}`,
        params: {},
      } satisfies Actor;
    }
    let member: Team | null = null;
    if (
      (family === 'chat' || family === 'coding_agent') &&
      (teamLeft > 0 || r.chance(spec.teamShare / 6))
    ) {
      if (teamLeft === 0) {
        team = makeTeam(master.fork('team', index));
        teamLeft = r.int(3, 12);
      }
      member = team;
      teamLeft--;
    }
    const hashed = r.chance(spec.hashedShare);
    return {
      ...base,
      ...benignAccount(r, family, ids[index], member, hashed),
      label: 'benign',
      campaignId: null,
      params: { hashed, team: member?.org ?? null },
    } satisfies Actor;
  });
}

/**
 * Events per account: proportional to the volume weights, at least one each (three for hydra).
 * `hydraMean`: the hydra's members average that many events (their relative weights kept) and
 * the other accounts share the rest of `total`.
 */
export function allocateEvents(actors: Actor[], total: number, hydraMean?: number): number[] {
  const isHydra = (a: Actor) => hydraMean !== undefined && a.family === 'hydra';
  const hydra = actors.filter(isHydra);
  const hydraW = hydra.reduce((a, x) => a + x.weight, 0);
  const rest = total - (hydraMean ?? 0) * hydra.length;
  const sum = actors.reduce((a, x) => a + (isHydra(x) ? 0 : x.weight), 0);
  const counts = actors.map((a) =>
    Math.max(
      a.family === 'hydra' ? 3 : 1,
      isHydra(a)
        ? Math.round((hydraMean! * hydra.length * a.weight) / hydraW)
        : Math.round((rest * a.weight) / sum),
    ),
  );
  // campaign-wide sweeps need each member's position in the campaign's global sequence
  const offsets = new Map<unknown, number>();
  actors.forEach((a, i) => {
    const c = a.params.campaign as { total: number } | undefined;
    if (!c) return;
    const off = offsets.get(c) ?? 0;
    a.params.offset = off;
    offsets.set(c, off + counts[i]);
    c.total = off + counts[i];
  });
  return counts;
}
