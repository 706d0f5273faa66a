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
 * Signals → evidence beyond the benign range of accounts of similar volume → joint outlier score
 * → risk, for every account with traffic. The benign reference is every account, then again
 * without the most jointly unusual TRIM share (a robust two-pass estimate).
 */
export function scoreAccounts(
  daily: Map<string, DailyAgg>,
  cov: Map<string, CoverageAgg>,
  tpl: Map<string, TemplateAgg>,
  s: DetectSettings,
): { results: AccountResult[] } {
  const ids = [...daily.keys()];
  const events = ids.map((id) => daily.get(id)!.events);
  const { med, mad } = robustCentre(
    events.map((e) => Math.log(Math.max(1, e))),
    0.25,
  );
  const values = ids.map((id) =>
    computeSignals(daily.get(id)!, cov.get(id), tpl.get(id), { logMed: med, logMad: mad }),
  );
  const all = ids.map((_, i) => i);
  const first = rangesOver(all, events, values, ids.length);
  const j1 = all.map((i) => jointScore(values[i], first.at(events[i])).score);
  const cut = quantileSorted(Float64Array.from(j1).sort(), 1 - TRIM);
  const ref = all.filter((i) => j1[i] < cut || j1[i] === 0);
  const vr = rangesOver(ref, events, values, ref.length);
  const ranges: Ranges[] = all.map((i) => vr.at(events[i]));
  const joints = all.map((i) => jointScore(values[i], ranges[i]));
  const jr = jointRange(ref.map((i) => joints[i].score));
  const nov = novelty(values, events, all); // untrimmed: see neighbours.ts
  const nr = noveltyRange(nov, all);
  const results = ids.map((id, i) => {
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
  return { results };
}
