import { formatNumber } from './format-value';

// Detection stores each score's explanation as JSON (account_score.contributions / .signals). The
// read side accepts the shapes it may take — a map signal → number, a map signal → object, or an
// array of objects — so the UI does not break while the detector's format settles.

export interface Contribution {
  signal: string;
  label?: string;
  contribution: number;
  value: number | null;
  baseline: string | null;
  explanation: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function pickNumber(o: Obj, keys: string[]): number | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

function pickText(o: Obj, keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v) return v;
    if (isObj(v)) {
      const parts = Object.entries(v)
        .filter(([, x]) => typeof x === 'number')
        .map(([pk, x]) => `${pk} ${fmt(x as number)}`);
      if (parts.length) return parts.join(' · ');
    }
    if (typeof v === 'number') return fmt(v);
  }
  return null;
}

// Never exponent notation (a temperature sd of 1.5e-8 reads "< 0.001").
const fmt = formatNumber;

function fromObject(signal: string, o: Obj): Contribution {
  return {
    signal,
    contribution: pickNumber(o, ['contribution', 'weight', 'points', 'score']) ?? 0,
    value: pickNumber(o, ['value', 'raw', 'x']),
    baseline: pickText(o, ['baseline', 'benign', 'cohort']),
    explanation: pickText(o, ['explanation', 'why', 'reason', 'detail', 'text']),
  };
}

/** Normalises contributions, merging per-signal values/explanations from `signals`; largest first. */
export function parseContributions(contributions: unknown, signals?: unknown): Contribution[] {
  const out: Contribution[] = [];
  if (Array.isArray(contributions)) {
    for (const c of contributions) {
      if (!isObj(c)) continue;
      const name = pickText(c, ['signal', 'name', 'key', 'id']);
      if (name) out.push(fromObject(name, c));
    }
  } else if (isObj(contributions)) {
    for (const [k, v] of Object.entries(contributions)) {
      if (typeof v === 'number')
        out.push({ signal: k, contribution: v, value: null, baseline: null, explanation: null });
      else if (isObj(v)) out.push(fromObject(k, v));
    }
  }
  if (isObj(signals)) {
    for (const c of out) {
      const s = signals[c.signal];
      if (typeof s === 'number' && c.value === null) c.value = s;
      else if (isObj(s)) {
        const extra = fromObject(c.signal, s);
        c.value ??= extra.value;
        c.baseline ??= extra.baseline;
        c.explanation ??= extra.explanation;
      }
    }
  }
  return out.sort((a, b) => b.contribution - a.contribution);
}

/** Adds the catalogue's label and explanation, and the cohort baseline (p50 / p95), where missing. */
export function enrichContributions(
  items: Contribution[],
  defs: ReadonlyArray<{ id: string; label: string; explain: string }>,
  baselines: ReadonlyArray<{ signal: string; p50: number; p95: number }>,
): Contribution[] {
  return items.map((c) => {
    const d = defs.find((x) => x.id === c.signal);
    const b = baselines.find((x) => x.signal === c.signal);
    return {
      ...c,
      label: c.label ?? d?.label,
      explanation: c.explanation ?? d?.explain ?? null,
      baseline: c.baseline ?? (b ? `p50 ${fmt(b.p50)} · p95 ${fmt(b.p95)}` : null),
    };
  });
}
