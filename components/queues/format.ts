// Small display helpers shared by the queue screens.
export function minutes(m: number | null | undefined): string {
  if (m === null || m === undefined) return '—';
  if (m < 60) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(m < 600 ? 1 : 0)} h`;
  return `${(m / 1440).toFixed(1)} d`;
}

export const utc = (iso: string | null) =>
  iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';

/** For columns whose header already says UTC. */
export const utcShort = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export const SLA_LABEL = { on_time: 'On time', at_risk: 'At risk', breached: 'Breached' } as const;
export const SLA_CLASS = {
  on_time: 'bg-emerald-50 text-emerald-800',
  at_risk: 'bg-amber-50 text-amber-900',
  breached: 'bg-red-50 text-red-800',
} as const;

export const subjectHref = (kind: string, id: string) =>
  `/${kind === 'cluster' ? 'clusters' : 'accounts'}/${encodeURIComponent(id)}`;
