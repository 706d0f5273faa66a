import { computeSignals, type SignalValues } from './compute-signals';
import type { CoverageAgg } from './load-coverage';
import type { DailyAgg } from './load-daily';
import type { TemplateAgg } from './load-templates';
import { scoreSignals, type Scored } from './score';
import { COHORT_WIDE, SIGNAL_IDS } from './signal-defs';
import type { DetectSettings } from './settings';
import { quantileSorted, robustCentre } from './stats';
import { VolumeRanges, neighbourhood, type Ranges } from './benign-range';
import { jointRange, jointScore, type Joint } from './joint';
import { novelty, noveltyRange, type Novelty } from './neighbours';

export interface AccountResult extends Scored {
  id: string;
  daily: DailyAgg;
  cov: CoverageAgg | undefined;
  values: SignalValues;
  flagged: boolean;
  /** the joint outlier score and its parts (for the explanation) */
  joint: Joint;
  /** distance to the nearest benign accounts of similar volume (for the explanation) */
  novelty: Novelty;
}

// Share of the most jointly unusual accounts left out of the benign reference in the second pass,
// so a campaign's own accounts do not widen the range they are judged against.
const TRIM = 0.05;

/** Benign ranges by volume over the given accounts. */
function rangesOver(
  ids: number[],
  events: number[],
  values: SignalValues[],
  n: number,
): VolumeRanges {
  return new VolumeRanges(
    ids.map((i) => ({ events: events[i], values: values[i] })),
    SIGNAL_IDS,
    neighbourhood(n),
    COHORT_WIDE,
  );
}

/**
 * The accounts a benign reference is built from: event counts and signal values (a full run: the
 * accounts it scores; an incremental run: the last full run's, from detect_reference).
 */
export interface Population {
  ids: string[];
  events: number[];
  values: SignalValues[];
}

/**
 * Signals → evidence beyond the benign range of accounts of similar volume → joint outlier score
 * → risk, for every account in `daily`. The benign reference is the population (by default the
 * scored accounts themselves), then again without its most jointly unusual TRIM share (a robust
 * two-pass estimate). A given population is placed before the scored accounts in one index space.
 */
export function scoreAccounts(
  daily: Map<string, DailyAgg>,
  cov: Map<string, CoverageAgg>,
  tpl: Map<string, TemplateAgg>,
  s: DetectSettings,
  population?: Population,
): { results: AccountResult[]; ranges: VolumeRanges } {
  const ids = [...daily.keys()];
  const own = ids.map((id) => daily.get(id)!.events);
  const { med, mad } = robustCentre(
    (population?.events ?? own).map((e) => Math.log(Math.max(1, e))),
    0.25,
  );
  const mine = ids.map((id) =>
    computeSignals(daily.get(id)!, cov.get(id), tpl.get(id), { logMed: med, logMad: mad }),
  );
  const n = population ? population.ids.length : 0; // offset of the scored accounts
  const events = population ? [...population.events, ...own] : own;
  const values = population ? [...population.values, ...mine] : mine;
  const all = (population?.events ?? own).map((_, i) => i); // the reference population
  const first = rangesOver(all, events, values, all.length);
  const j1 = all.map((i) => jointScore(values[i], first.at(events[i])).score);
  const cut = quantileSorted(Float64Array.from(j1).sort(), 1 - TRIM);
  const ref = all.filter((i) => j1[i] < cut || j1[i] === 0);
  const vr = rangesOver(ref, events, values, ref.length);
  const ranges: Ranges[] = values.map((_, i) => vr.at(events[i]));
  const joints = values.map((v, i) => jointScore(v, ranges[i]));
  const jr = jointRange(ref.map((i) => joints[i].score));
  const refOf = new Map(population?.ids.map((id, i) => [id, i]));
  const self = (i: number) => (i < n ? i : (refOf.get(ids[i - n]) ?? i));
  const nov = novelty(values, events, all, self); // untrimmed: see neighbours.ts
  const nr = noveltyRange(nov, all);
  const results = ids.map((id, k) => {
    const i = n + k;
    const d = daily.get(id)!;
    const sc = scoreSignals(
      values[i],
      s,
      ranges[i],
      { joint: joints[i], range: jr },
      {
        novelty: nov[i],
        range: nr,
      },
    );
    return {
      id,
      daily: d,
      cov: cov.get(id),
      values: values[i],
      joint: joints[i],
      novelty: nov[i],
      ...sc,
      flagged: sc.risk >= s.accountThreshold && d.events >= s.minEvents,
    };
  });
  return { results, ranges: vr };
}
