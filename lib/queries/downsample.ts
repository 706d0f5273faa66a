// Charts never receive more than a few thousand points: long series are folded into equal-width
// groups on the server. Counts are summed; ratios must be recomputed from summed parts by the caller,
// so each series says how to fold itself.

export type Fold = 'sum' | 'last' | 'max';

export const MAX_POINTS = 2000;

/**
 * Folds consecutive rows into at most `max` groups. The group keeps the first row's `key`
 * (the start of its time window). `folds` names how each numeric field is combined.
 */
export function downsample<T extends { key: string }>(
  rows: T[],
  folds: Partial<Record<keyof T, Fold>>,
  max = MAX_POINTS,
): T[] {
  if (rows.length <= max) return rows;
  const per = Math.ceil(rows.length / max);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const group = rows.slice(i, i + per);
    const acc = { ...group[0] } as T;
    for (const [field, fold] of Object.entries(folds) as [keyof T, Fold][]) {
      const values = group.map((r) => Number(r[field]));
      const v =
        fold === 'sum'
          ? values.reduce((a, b) => a + b, 0)
          : fold === 'max'
            ? Math.max(...values)
            : values[values.length - 1];
      (acc as Record<keyof T, unknown>)[field] = v;
    }
    out.push(acc);
  }
  return out;
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD, UTC), so gaps show as zeros on a shared axis. */
export function dayRange(from: string, to: string, limit = 3660): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < limit; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
