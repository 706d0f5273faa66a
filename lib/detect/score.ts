import type { DetectSettings } from './settings';
import { SIGNALS, evidenceOf, type SignalDef } from './signal-defs';
import type { SignalValues } from './compute-signals';
import { logistic } from './stats';

export interface Contribution {
  value: number | null;
  evidence: number;
  weight: number;
  contribution: number;
}
export interface Scored {
  risk: number;
  contributions: Record<string, Contribution>;
  reasons: string[];
  total: number;
}
export type Baseline = Record<string, { p50: number; p95: number }>;

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** "Taxonomy coverage 0.84 (cohort median 0.12)": the reason strings shown in lists and flags. */
export function reasonText(def: SignalDef, value: number | null, base?: { p50: number }): string {
  const v = value === null ? '–' : fmt(value);
  return base && Number.isFinite(base.p50)
    ? `${def.label} ${v} (cohort median ${fmt(base.p50)})`
    : `${def.label} ${v}`;
}

/**
 * Risk = logistic(slope × (Σ_i w_i·e_i − bias)), e_i the capped evidence of signal i. One strong
 * signal alone (w ≤ 1) stays below the bias; several independent signals together cross it.
 */
export function scoreSignals(
  values: SignalValues,
  s: DetectSettings,
  baseline: Baseline = {},
): Scored {
  const contributions: Record<string, Contribution> = {};
  let total = 0;
  for (const def of SIGNALS) {
    const value = values[def.id] ?? null;
    const evidence = evidenceOf(def, value);
    const weight = s.weights[def.id] ?? 0;
    const contribution = weight * evidence;
    total += contribution;
    contributions[def.id] = { value, evidence, weight, contribution };
  }
  const risk = logistic(s.slope * (total - s.bias));
  const reasons = SIGNALS.filter((d) => contributions[d.id].contribution >= 0.1)
    .sort((a, b) => contributions[b.id].contribution - contributions[a.id].contribution)
    .slice(0, 4)
    .map((d) => reasonText(d, contributions[d.id].value, baseline[d.id]));
  return { risk, contributions, reasons, total };
}
