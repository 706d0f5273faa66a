// Numbers as a person reads them: never exponent notation (1.5e-8), a unit where the signal has one,
// and as many decimals as the magnitude needs. Used by the explanation panels, the evidence report
// and chart axes, on the server and in the browser (no server-only imports here).

/** A plain decimal: "< 0.001" for tiny non-zero values, thousands separators from 1,000. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a === 0) return '0';
  const sign = v < 0 ? '−' : '';
  if (a < 0.001) return v < 0 ? '> −0.001' : '< 0.001';
  if (a < 0.1) return `${sign}${trim(a.toFixed(3))}`;
  if (a < 10) return `${sign}${a.toFixed(2)}`;
  if (a < 100) return `${sign}${a.toFixed(1)}`;
  return `${sign}${Math.round(a).toLocaleString('en-US')}`;
}

/** A share 0..1 as a percentage: "93%", "4.2%", "< 0.1%". */
export function formatShare(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const p = v * 100;
  const a = Math.abs(p);
  if (a === 0) return '0%';
  if (a < 0.1) return `${p < 0 ? '−' : ''}< 0.1%`;
  return `${a < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** A whole count with thousands separators. */
export function formatCount(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.round(v).toLocaleString('en-US');
}

/** A risk or a contribution: always two decimals, so listed parts visibly add up to their sum. */
export function formatScore(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '—';
}

/**
 * A signal's value in its unit (lib/detect/signal-defs.ts `unit`, or a cluster signal's):
 * shares as percentages, tokens and counts as whole numbers, ratios with "×", the rest plain.
 */
export function formatSignalValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  switch (unit) {
    case 'share':
      return formatShare(v);
    case 'tokens':
      return `${formatCount(v)} tokens`;
    case 'count':
      return formatCount(v);
    case 'accounts':
      return `${formatCount(v)} accounts`;
    case 'times':
      return `${formatNumber(v)}×`;
    case 'keys/week':
      return `${formatNumber(v)} keys/week`;
    case 'sd':
    case 'z':
      return `${formatNumber(v)} ${unit}`;
    default:
      return formatNumber(v);
  }
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
