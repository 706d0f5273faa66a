import { createHash } from 'node:crypto';
import { JOINT, NOVELTY } from '../score';
import { SIGNAL_IDS } from '../signal-defs';
import type { DetectSettings } from '../settings';
import type { AccountScoreRow } from '../write-results';
import type { Label } from './labels';
import { fitLogistic, predict, type LogisticModel } from './logistic';
import { priorWeights } from './prior';

/** The model's inputs: every signal's evidence and the joint outlier evidence. */
export const FEATURES = [...SIGNAL_IDS, JOINT, NOVELTY];

export interface Sample {
  account_id: string;
  family: string;
  y: 0 | 1;
  x: number[];
  events: number;
}

/** 30 % of accounts (by a hash of the id, so the split is stable) are held out for validation. */
export const isValidation = (id: string) =>
  createHash('sha256').update(id).digest()[0] < Math.round(256 * 0.3);

/** Evidence vectors of labelled accounts with enough traffic to be scored on their own. */
export function samplesFrom(
  accounts: Pick<AccountScoreRow, 'account_id' | 'contributions' | 'events'>[],
  labels: Map<string, Label>,
  o: { minEvents: number; exclude?: ReadonlySet<string> },
): Sample[] {
  const out: Sample[] = [];
  for (const a of accounts) {
    const l = labels.get(a.account_id);
    if (!l || a.events < o.minEvents || o.exclude?.has(l.family)) continue;
    const c = a.contributions as Record<string, { evidence: number } | undefined>;
    out.push({
      account_id: a.account_id,
      family: l.family,
      y: l.y,
      x: FEATURES.map((f) => c[f]?.evidence ?? 0),
      events: a.events,
    });
  }
  return out;
}

/** Own risk of a sample under settings (no cluster): logistic(slope × (Σ w·e − bias)). */
export function riskUnder(s: DetectSettings, x: number[]): number {
  let t = 0;
  FEATURES.forEach((f, j) => (t += (s.weights[f] ?? 0) * x[j]));
  return 1 / (1 + Math.exp(-s.slope * (t - s.bias)));
}

/** MAP fit under the expert prior (`prior: true`, prior.ts) or a plain ridge penalty towards 0. */
export function fit(samples: Sample[], l2: number, prior = true): LogisticModel {
  return fitLogistic(
    samples.map((s) => s.x),
    samples.map((s) => s.y),
    { l2, prior: prior ? priorWeights(FEATURES) : undefined },
  );
}

export const probability = (m: LogisticModel, s: Sample) => predict(m, s.x);

const MAX_WEIGHT = 20;

/** The fitted model as a partial settings object for the settings route (slope 1 = a probability). */
export function settingsPatch(
  m: LogisticModel,
): Pick<DetectSettings, 'weights' | 'bias' | 'slope'> {
  return {
    slope: 1,
    bias: Math.min(50, Math.max(0, -m.intercept)),
    weights: Object.fromEntries(
      FEATURES.map((f, j) => [f, Math.round(Math.min(MAX_WEIGHT, m.weights[j]) * 1000) / 1000]),
    ),
  };
}
