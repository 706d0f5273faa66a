import { createHash } from 'node:crypto';

/** A fresh cluster id, from its smallest member (deterministic for a given membership). */
export const clusterIdOf = (members: string[], salt = '') =>
  `c_${createHash('sha256')
    .update([...members].sort()[0] + salt)
    .digest('hex')
    .slice(0, 12)}`;

export interface PreviousCluster {
  id: string;
  members: string[];
}
export interface VanishedCluster {
  id: string;
  /** the new cluster holding most of its former members, if any */
  successor: string | null;
}

/**
 * Cluster identity across runs: a new cluster keeps the id of the previous cluster it overlaps
 * most, when more than half of the previous members persist in it or more than half of its own
 * members come from it (a hydra growing from 10 to 50 keeps its id; a split keeps the id on its
 * larger part). Matching is one-to-one, largest overlaps first. Unmatched new clusters get a fresh
 * id; previous clusters left unmatched have vanished (with the successor most of them went to).
 */
export function assignClusterIds(
  next: string[][],
  prev: PreviousCluster[],
): { ids: string[]; vanished: VanishedCluster[] } {
  const prevOf = new Map<string, number>();
  prev.forEach((p, j) => p.members.forEach((m) => prevOf.set(m, j)));
  const overlaps: { i: number; j: number; n: number }[] = [];
  const best = new Map<number, { i: number; n: number }>();
  next.forEach((members, i) => {
    const counts = new Map<number, number>();
    for (const m of members) {
      const j = prevOf.get(m);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, n] of counts) {
      overlaps.push({ i, j, n });
      const b = best.get(j);
      if (!b || n > b.n) best.set(j, { i, n });
    }
  });
  overlaps.sort((a, b) => b.n - a.n || a.i - b.i || a.j - b.j);
  const ids: (string | null)[] = next.map(() => null);
  const taken = new Set<number>();
  for (const { i, j, n } of overlaps) {
    if (ids[i] !== null || taken.has(j)) continue;
    if (2 * n <= prev[j].members.length && 2 * n <= next[i].length) continue;
    ids[i] = prev[j].id;
    taken.add(j);
  }
  const used = new Set(ids.filter((x): x is string => x !== null));
  const prevIds = new Set(prev.map((p) => p.id));
  next.forEach((members, i) => {
    if (ids[i] !== null) return;
    // A fresh id never reuses an id another cluster holds or held, so an old reference never
    // silently points at a different group of accounts.
    let id = clusterIdOf(members);
    for (let k = 1; used.has(id) || prevIds.has(id); k++) id = clusterIdOf(members, `#${k}`);
    ids[i] = id;
    used.add(id);
  });
  const final = ids as string[];
  const vanished = prev
    .map((p, j) => ({ p, j }))
    .filter(({ j }) => !taken.has(j))
    .map(({ p, j }) => {
      const b = best.get(j);
      return { id: p.id, successor: b ? final[b.i] : null };
    });
  return { ids: final, vanished };
}
