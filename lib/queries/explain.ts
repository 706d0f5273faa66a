import { CLUSTER_SIGNALS } from '@/lib/detect/cluster-score';
import { formatNumber, formatSignalValue } from './format-value';
import { accountBaseline, accountMeta, humanize, isObj, num, type Obj } from './explain-meta';

// How a score comes about, for the account and cluster pages: each signal's value, evidence (0..1),
// weight and contribution = weight × evidence, their sum Σ, and the logistic that turns Σ into the
// risk (docs/detection.md): risk = 1 / (1 + e^−(slope × (Σ − bias))). Pure: no database here.

export interface ExplainItem {
  signal: string;
  label: string;
  meaning: string;
  value: string;
  /** the benign range the value is judged against, as text ("benign p50 4% · p95 12% at this volume") */
  baseline: string | null;
  evidence: number;
  weight: number;
  contribution: number;
  note: string | null;
}

export interface ScoreFormula {
  slope: number;
  bias: number;
  threshold: number;
  /** accounts: fewer events are scored but never flagged on their own */
  minEvents?: number;
}

export interface ScoreExplanation {
  subject: 'account' | 'cluster';
  items: ExplainItem[];
  /** Σ of every listed contribution */
  sum: number;
  formula: ScoreFormula;
  /** logistic(slope × (Σ − bias)): the risk the listed evidence gives on its own */
  modelRisk: number;
  /** Σ at which the model risk reaches the threshold: bias + ln(t / (1 − t)) / slope */
  sumAtThreshold: number;
  /** the stored risk shown on the page */
  risk: number;
  /** set when the shown risk is the cluster's (a member flagged with its cluster) */
  viaCluster: { id: string; risk: number } | null;
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Σ that reaches risk t: bias + logit(t) / slope. */
export function sumAtThreshold(f: ScoreFormula): number {
  const t = Math.min(Math.max(f.threshold, 1e-6), 1 - 1e-6);
  return f.bias + Math.log(t / (1 - t)) / f.slope;
}

/** Cluster signal units (lib/detect/cluster-score.ts computes them; the labels live there too). */
const CLUSTER_UNITS: Record<string, string> = {
  size: 'accounts',
  harvest_ratio: 'times',
  distinct_orgs: 'share',
  signup_burst: 'share',
  union_coverage: 'share',
};

// Account contributions also carry the member's cluster and tie (weight 0): shown in the header.
const NOT_SIGNALS = new Set(['cluster', 'tie']);

function item(
  signal: string,
  o: Obj,
  meta: ReturnType<typeof accountMeta>,
  baseline: string | null,
): ExplainItem {
  const value = num(o.value);
  const beyond = num(o.beyond);
  const text = typeof o.explanation === 'string' && o.explanation ? o.explanation : null;
  return {
    signal,
    label: meta.label,
    meaning: meta.meaning,
    value: value === null ? 'not measured (too little data)' : formatSignalValue(value, meta.unit),
    baseline,
    evidence: num(o.evidence) ?? 0,
    weight: num(o.weight) ?? 0,
    contribution: num(o.contribution) ?? 0,
    note:
      text ??
      (beyond && beyond > 0 ? `${formatNumber(beyond)} band-widths beyond the benign range` : null),
  };
}

const byContribution = (a: ExplainItem, b: ExplainItem) =>
  b.contribution - a.contribution || a.label.localeCompare(b.label);

/** Items of an account's stored contributions (account_score.contributions), largest first. */
export function accountItems(stored: unknown): ExplainItem[] {
  if (!isObj(stored)) return [];
  return Object.entries(stored)
    .filter(([k, v]) => !NOT_SIGNALS.has(k) && isObj(v))
    .map(([k, v]) => {
      const meta = accountMeta(k);
      return item(k, v as Obj, meta, accountBaseline(v as Obj, meta.unit, meta.invert));
    })
    .sort(byContribution);
}

/** p50 / p95 of each cluster signal's value over the unflagged clusters of the run. */
export type ClusterBaseline = Record<string, { p50: number; p95: number; n: number }>;

export function clusterBaseline(unflagged: unknown[]): ClusterBaseline {
  const values = new Map<string, number[]>();
  for (const c of unflagged) {
    if (!isObj(c)) continue;
    for (const [k, v] of Object.entries(c)) {
      const x = isObj(v) ? num(v.value) : null;
      if (x !== null) values.set(k, [...(values.get(k) ?? []), x]);
    }
  }
  const out: ClusterBaseline = {};
  for (const [k, xs] of values) {
    xs.sort((a, b) => a - b);
    out[k] = { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length };
  }
  return out;
}

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

/** Items of a cluster's stored contributions (clusters.contributions) with human labels. */
export function clusterItems(stored: unknown, baseline: ClusterBaseline): ExplainItem[] {
  if (!isObj(stored)) return [];
  return Object.entries(stored)
    .filter(([, v]) => isObj(v))
    .map(([k, v]) => {
      const unit = CLUSTER_UNITS[k] ?? '0..1';
      const cat = CLUSTER_SIGNALS[k];
      const b = baseline[k];
      const text = b
        ? `unflagged clusters p50 ${formatSignalValue(b.p50, unit)} · p95 ${formatSignalValue(b.p95, unit)} (${b.n} cluster${b.n === 1 ? '' : 's'})`
        : 'no unflagged cluster to compare with';
      return item(
        k,
        v as Obj,
        { label: cat?.label ?? humanize(k), meaning: cat?.explain ?? '', unit, invert: false },
        text,
      );
    })
    .sort(byContribution);
}

/** Sum, formula and the risk it gives; `viaCluster` when the shown risk is the cluster's. */
export function explain(
  subject: 'account' | 'cluster',
  items: ExplainItem[],
  formula: ScoreFormula,
  risk: number,
  viaCluster: { id: string; risk: number } | null = null,
): ScoreExplanation {
  const sum = items.reduce((a, c) => a + c.contribution, 0);
  return {
    subject,
    items,
    sum,
    formula,
    modelRisk: logistic(formula.slope * (sum - formula.bias)),
    sumAtThreshold: sumAtThreshold(formula),
    risk,
    viaCluster,
  };
}
