// One palette for every chart, so a signal keeps its colour across pages.
export const COLORS = {
  volume: '#334155',
  coverage: '#2563eb',
  lsh: '#7c3aed',
  band: '#16a34a',
  template: '#ea580c',
  reasoning: '#db2777',
  thinking: '#f59e0b',
  tokens: '#0891b2',
  account: '#0f172a',
  cluster: '#dc2626',
} as const;

/** Distinct colours for stacked series (members of a cluster). */
export const SERIES = [
  '#2563eb',
  '#16a34a',
  '#ea580c',
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#ca8a04',
  '#dc2626',
  '#94a3b8',
];

export const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;
export const compact = (v: number) =>
  new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(v);
/** A ratio on an axis: "12×", "1.5k×" — compact, so a wide value is never cut at the axis edge. */
export const ratio = (v: number) => `${v < 10 ? Number(v.toFixed(1)) : compact(v)}×`;
export const shortDay = (key: string) => key.slice(5);
