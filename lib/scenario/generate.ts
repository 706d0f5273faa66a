import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TAXONOMY_VERSION } from '../features/taxonomy';
import { allocateEvents, buildActors } from './actors';
import { RATE_LIMITED, createBehaviour } from './behaviours';
import { createContext } from './context';
import { eventLine } from './event';
import type { MixName } from './mix';
import { modelCaps } from './models';
import { loadAwesomePrompts } from './prompt-source';
import { DAYS, DAY_MS, END_MS, START_MS } from './timing';
import { ATTACK_FAMILIES, BENIGN_FAMILIES, type Actor, type Family, type TruthRow } from './types';
import { NdjsonWriter } from './writer';

export interface ScenarioOptions {
  accounts: number;
  events: number;
  seed: number;
  mix: MixName;
  /** mix "scale": events per hydra member (scaleHydraMean); other mixes leave it unset */
  hydraMean?: number;
  outDir: string;
  /** absolute path of the awesome-chatgpt-prompts CSV */
  promptsCsv: string;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface ScenarioSummary {
  params: { accounts: number; events: number; seed: number; mix: MixName };
  window: { start: string; end: string; days: number };
  taxonomyVersion: string;
  promptsCsv: string | null;
  models: Record<string, number>;
  totals: { accounts: number; events: number };
  families: Record<Family, { label: 'benign' | 'attack'; accounts: number; events: number }>;
  campaigns: Record<string, { family: Family; accounts: number; events: number }>;
  files: string[];
}

export const GENERATOR_VERSION = 1;

/** Accounts, their event counts and behaviours: everything before the first line is written. */
export interface PreparedScenario {
  actors: Actor[];
  counts: number[];
  behaviours: ReturnType<typeof createBehaviour>[];
  idPrefix: string;
}

export function prepareScenario(
  o: Pick<ScenarioOptions, 'accounts' | 'events' | 'seed' | 'mix'> & { hydraMean?: number },
  prompts: string[],
): PreparedScenario {
  const ctx = createContext(prompts);
  const actors = buildActors(ctx, o.seed, o.mix, o.accounts);
  const counts = allocateEvents(actors, o.events, o.hydraMean);
  const behaviours = actors.map((a, i) => createBehaviour(ctx, a, counts[i]));
  const idPrefix = `req_${(o.seed >>> 0).toString(36)}${o.mix === 'alt' ? 'a' : o.mix === 'scale' ? 's' : ''}_`;
  return { actors, counts, behaviours, idPrefix };
}

/**
 * The event lines, day by day, each account emitting its events of that day: they come out
 * roughly in time order while every account's own events (and random stream) stay in order.
 */
export function* scenarioEventLines(p: PreparedScenario): Generator<string> {
  const { actors, behaviours, idPrefix } = p;
  const ptr = new Int32Array(actors.length);
  let written = 0;
  for (let d = 1; d <= DAYS; d++) {
    const dayEnd = d === DAYS ? END_MS + 1 : START_MS + d * DAY_MS;
    for (let k = 0; k < actors.length; k++) {
      const a = actors[k];
      const s = behaviours[k].schedule;
      for (let i = ptr[k]; i < s.ts.length && s.ts[i] < dayEnd; i = ++ptr[k]) {
        const body = behaviours[k].body(i, a.rng);
        yield eventLine(
          a,
          {
            id: idPrefix + (written++).toString(36),
            ms: s.ts[i],
            conv: s.conv[i],
            turn: s.turn[i],
            body,
          },
          a.rng,
          RATE_LIMITED[a.family],
        );
      }
    }
  }
}

export function generateScenario(o: ScenarioOptions): ScenarioSummary {
  const progress = o.onProgress ?? (() => {});
  mkdirSync(o.outDir, { recursive: true });
  const source = loadAwesomePrompts(o.promptsCsv);
  progress({ phase: 'accounts', done: 0, total: o.accounts });
  const prepared = prepareScenario(o, source.prompts);
  const { actors, counts } = prepared;
  progress({ phase: 'accounts', done: actors.length, total: o.accounts });

  const accounts = new NdjsonWriter(path.join(o.outDir, 'accounts.ndjson'));
  const truth = new NdjsonWriter(path.join(o.outDir, 'truth.ndjson'));
  for (const a of actors) {
    accounts.writeObject(a.account);
    truth.writeObject({
      account_id: a.account.account_id,
      label: a.label,
      family: a.family,
      campaign_id: a.campaignId,
    } satisfies TruthRow);
  }
  accounts.close();
  truth.close();

  const events = new NdjsonWriter(path.join(o.outDir, 'events.ndjson'));
  const total = counts.reduce((x, y) => x + y, 0);
  let written = 0;
  for (const line of scenarioEventLines(prepared)) {
    events.write(line);
    if (++written % 100_000 === 0) progress({ phase: 'events', done: written, total });
  }
  events.close();
  progress({ phase: 'events', done: written, total });

  const families = Object.fromEntries(
    [...BENIGN_FAMILIES, ...ATTACK_FAMILIES].map((f) => [
      f,
      {
        label: (BENIGN_FAMILIES as readonly string[]).includes(f) ? 'benign' : 'attack',
        accounts: 0,
        events: 0,
      },
    ]),
  ) as ScenarioSummary['families'];
  const campaigns: ScenarioSummary['campaigns'] = {};
  actors.forEach((a, i) => {
    families[a.family].accounts++;
    families[a.family].events += counts[i];
    if (a.campaignId) {
      const c = (campaigns[a.campaignId] ??= { family: a.family, accounts: 0, events: 0 });
      c.accounts++;
      c.events += counts[i];
    }
  });
  const summary: ScenarioSummary = {
    params: { accounts: o.accounts, events: o.events, seed: o.seed, mix: o.mix },
    window: {
      start: new Date(START_MS).toISOString(),
      end: new Date(END_MS).toISOString(),
      days: DAYS,
    },
    taxonomyVersion: TAXONOMY_VERSION,
    promptsCsv: source.path ? path.basename(source.path) : null,
    models: modelCaps(),
    totals: { accounts: actors.length, events: written },
    families,
    campaigns,
    files: ['accounts.ndjson', 'events.ndjson', 'truth.ndjson', 'scenario.json'],
  };
  writeFileSync(
    path.join(o.outDir, 'scenario.json'),
    `${JSON.stringify({ generatorVersion: GENERATOR_VERSION, ...summary }, null, 2)}\n`,
  );
  return summary;
}
