import { computeSignals, type SignalValues } from './compute-signals';
import type { CoverageAgg } from './load-coverage';
import type { DailyAgg } from './load-daily';
import type { TemplateAgg } from './load-templates';
import { scoreSignals, type Baseline, type Scored } from './score';
import { SIGNAL_IDS } from './signal-defs';
import type { DetectSettings } from './settings';
import { robustCentre } from './stats';
import { signalBaselines } from './baseline';

export interface AccountResult extends Scored {
  id: string;
  daily: DailyAgg;
  cov: CoverageAgg | undefined;
  values: SignalValues;
  flagged: boolean;
}

/** Signals → evidence → risk for every account that has traffic, against the cohort of all of them. */
export function scoreAccounts(
  daily: Map<string, DailyAgg>,
  cov: Map<string, CoverageAgg>,
  tpl: Map<string, TemplateAgg>,
  s: DetectSettings,
): { results: AccountResult[]; baseline: Baseline } {
  const ids = [...daily.keys()];
  const { med, mad } = robustCentre(
    ids.map((id) => Math.log(Math.max(1, daily.get(id)!.events))),
    0.25,
  );
  const values = ids.map((id) =>
    computeSignals(daily.get(id)!, cov.get(id), tpl.get(id), { logMed: med, logMad: mad }),
  );
  const baseline: Baseline = {};
  for (const b of signalBaselines(values, SIGNAL_IDS))
    baseline[b.signal] = { p50: b.p50, p95: b.p95 };
  const results = ids.map((id, i) => {
    const d = daily.get(id)!;
    const sc = scoreSignals(values[i], s, baseline);
    return {
      id,
      daily: d,
      cov: cov.get(id),
      values: values[i],
      ...sc,
      flagged: sc.risk >= s.accountThreshold && d.events >= s.minEvents,
    };
  });
  return { results, baseline };
}
