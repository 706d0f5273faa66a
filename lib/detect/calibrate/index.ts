import { createHash } from 'node:crypto';
import { JOINT, NOVELTY } from '../score';
import { SIGNAL_IDS } from '../signal-defs';
import type { DetectSettings } from '../settings';
import type { AccountScoreRow } from '../write-results';
import type { Label } from './labels';
import { fitLogistic, predict, refitIntercept, type LogisticModel } from './logistic';
import { priorWeights } from './prior';
import { withQuietCopies } from './quiet';

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

export interface FitConfig {
  /** strength of the Gaussian prior (L2 penalty) */
  l2: number;
  /** shrink towards the expert prior (prior.ts) rather than towards 0 */
  prior: boolean;
  /** total weight of each attack sample's quiet copies (quiet.ts; 0 = plain fit) */
  quiet: number;
}

/** Defaults of `npm run detect:calibrate`: expert prior, l2 1, quiet copies weighing 3. */
export const DEFAULT_FIT: FitConfig = { l2: 1, prior: true, quiet: 3 };

/**
 * MAP fit under the expert prior (or a plain ridge penalty towards 0), on the samples plus the
 * quiet copies of every attack sample (quiet.ts), so a partial attack profile is learned too.
 */
export function fit(samples: Sample[], c: FitConfig = DEFAULT_FIT): LogisticModel {
  const set = withQuietCopies(samples, { weight: c.quiet });
  const m = fitLogistic(set.x, set.y, {
    l2: c.l2,
    prior: c.prior ? priorWeights(FEATURES) : undefined,
    sampleWeight: set.w,
  });
  // The copies are synthetic: the base rate, and so the intercept, is set on the real samples
  // alone, so a risk stays a calibrated probability for the accounts that exist.
  return c.quiet > 0
    ? refitIntercept(
        samples.map((s) => s.x),
        samples.map((s) => s.y),
        m,
      )
    : m;
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
