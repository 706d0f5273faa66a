import type { DetectSettings } from './settings';
import { SIGNALS, type SignalDef } from './signal-defs';
import type { SignalValues } from './compute-signals';
import { beyond, evidenceBeyond, type Ranges } from './benign-range';
import { jointEvidence, jointText, type Joint } from './joint';
import { noveltyEvidence, noveltyText, type Novelty } from './neighbours';
import type { Range } from './benign-range';
import { logistic } from './stats';
import { gateOpen } from './gate';

export interface Contribution {
  value: number | null;
  evidence: number;
  weight: number;
  contribution: number;
  /** the benign range the value was judged against (accounts of similar volume) */
  benign?: { p5?: number; p50: number; p95: number };
  /** band-widths beyond the benign range (0 inside it) */
  beyond?: number;
  /** set when the signal's gate is closed (`SignalDef.needs` below its benign median): no evidence */
  gatedBy?: string;
  explanation?: string;
}
export interface Scored {
  risk: number;
  contributions: Record<string, Contribution>;
  reasons: string[];
  total: number;
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** "Taxonomy coverage 0.84 (benign p95 0.30 at this volume, +3.6 band-widths)": reasons in lists and flags. */
export function reasonText(def: SignalDef, c: Contribution): string {
  const v = c.value === null ? '–' : fmt(c.value);
  const edgeValue = def.invert ? c.benign?.p5 : c.benign?.p95;
  if (edgeValue === undefined || !Number.isFinite(edgeValue)) return `${def.label} ${v}`;
  const edge = def.invert ? 'p5' : 'p95';
  return `${def.label} ${v} (benign ${edge} ${fmt(edgeValue)} at this volume, +${(c.beyond ?? 0).toFixed(1)} band-widths)`;
}

/** Identifier of the joint outlier score among the contributions (its weight is `weights.joint`). */
export const JOINT = 'joint';
/** Identifier of the distance to the nearest benign accounts (neighbours.ts; `weights.novelty`). */
export const NOVELTY = 'novelty';

/**
 * Risk = logistic(slope × (Σ_i w_i·e_i + w_joint·e_joint − bias)). Each e_i is 0 inside the benign
 * range of accounts of similar volume and grows with the distance beyond it (benign-range.ts);
 * e_joint is the robust multivariate outlier score (joint.ts) beyond its own benign range. With
 * slope 1 and weights fitted by `npm run detect:calibrate`, risk is a calibrated probability.
 */
export function scoreSignals(
  values: SignalValues,
  s: DetectSettings,
  ranges: Ranges = {},
  joint?: { joint: Joint; range: Range },
  nov?: { novelty: Novelty; range: Range },
): Scored {
  const contributions: Record<string, Contribution> = {};
  let total = 0;
  for (const def of SIGNALS) {
    const value = values[def.id] ?? null;
    const r = ranges[def.id];
    const open = gateOpen(def, values, ranges);
    const evidence = open ? evidenceBeyond(def, value, r) : 0;
    const weight = s.weights[def.id] ?? 0;
    const contribution = weight * evidence;
    total += contribution;
    contributions[def.id] = {
      value,
      evidence,
      weight,
      contribution,
      ...(r ? { benign: { p5: r.p5, p50: r.p50, p95: r.p95 }, beyond: beyond(def, value, r) } : {}),
      ...(open ? {} : { gatedBy: def.needs }),
    };
  }
  // The two whole-profile measures: their own benign range, no per-signal baseline.
  const whole = (
    id: string,
    value: number | null,
    evidence: number,
    r: Range,
    explanation: string,
  ) => {
    const weight = s.weights[id] ?? 0;
    total += weight * evidence;
    contributions[id] = {
      value,
      evidence,
      weight,
      contribution: weight * evidence,
      benign: { p50: r.p50, p95: r.p95 },
      explanation,
    };
  };
  if (joint)
    whole(
      JOINT,
      joint.joint.score,
      jointEvidence(joint.joint.score, joint.range),
      joint.range,
      jointText(joint.joint),
    );
  if (nov)
    whole(
      NOVELTY,
      nov.novelty.distance,
      noveltyEvidence(nov.novelty.distance, nov.range),
      nov.range,
      noveltyText(nov.novelty),
    );
  const risk = logistic(s.slope * (total - s.bias));
  const reasons = Object.entries(contributions)
    .filter(([, c]) => c.contribution >= 0.1)
    .sort((a, b) => b[1].contribution - a[1].contribution)
    .slice(0, 4)
    .map(([id, c]) =>
      id === JOINT
        ? `Joint outlier among accounts of similar volume: ${c.explanation}`
        : id === NOVELTY
          ? `Like no benign account: ${c.explanation}`
          : reasonText(
              SIGNALS.find((d) => d.id === id)!,
              c,
            ),
    );
  return { risk, contributions, reasons, total };
}
