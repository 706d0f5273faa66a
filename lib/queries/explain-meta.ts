import { SIGNALS } from '@/lib/detect/signal-defs';
import { formatSignalValue } from './format-value';

// Labels, meanings, units and benign baselines of an account's contributions (explain.ts).

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** "Member evidence" from "member_evidence": a readable fallback for a key no catalogue names. */
export function humanize(key: string): string {
  const s = key.replace(/_/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function accountMeta(id: string): {
  label: string;
  meaning: string;
  unit: string;
  invert: boolean;
} {
  if (id === 'joint')
    return {
      label: 'Joint outlier score',
      meaning:
        'How unusual the account is across independent signal groups at once, among accounts of similar volume.',
      unit: 'sd',
      invert: false,
    };
  if (id === 'novelty')
    return {
      label: 'Unlike any benign account',
      meaning:
        'Distance, over all behaviour signals at once, to the 10 nearest benign accounts of similar volume: an account that matches no ordinary segment (batch job, curriculum builder, chat user) on all signals together, even when each signal alone is ordinary for some segment.',
      unit: 'sd',
      invert: false,
    };
  const d = SIGNALS.find((x) => x.id === id);
  return d
    ? { label: d.label, meaning: d.explain, unit: unitOf(d.id, d.unit), invert: !!d.invert }
    : { label: humanize(id), meaning: '', unit: '', invert: false };
}

// Units from the catalogue, with the two whose catalogue unit reads badly as a suffix.
function unitOf(id: string, unit: string): string {
  if (id === 'out_in_ratio') return 'times';
  if (id === 'new_buckets_per_1k' || id === 'templates_per_query') return '';
  return unit;
}

export function accountBaseline(o: Obj, unit: string, invert: boolean): string | null {
  const b = isObj(o.benign) ? o.benign : null;
  if (!b) return null;
  const f = (k: string) => formatSignalValue(num(b[k]), unit);
  const edge = invert ? `p5 ${f('p5')}` : `p95 ${f('p95')}`;
  return `benign p50 ${f('p50')} · ${edge} at this volume`;
}
