import type { Pool } from 'pg';
import { linkAccounts, PAIR_BUDGET, type LinkResult } from './link';
import { budgetAfter } from './link-budget';
import { frameGroups } from './load-bands';
import { indicatorGroups, loadIndicatorGroups } from './load-indicators';
import { fullLinkState, linkSettings, loadLinkState, type LinkStateUpdate } from './link-state';
import { linkAll, linkCap } from './score-clusters';
import type { DetectSettings } from './settings';
import { previousClusters } from './write-results';

// Linking after a batch (detect --since-last) without reading every account's indicators and
// templates. Linking's result is the connected components of a graph whose edges come from
// shared values (indicator groups, template frames). Values only gain accounts, so an edge can
// appear or vanish only between two accounts that share a value held by a touched account (A).
// Every component without an account of A keeps all its edges and gains none. So relinking the
// accounts of the components that meet A (R), with the values they carry (each with all its
// accounts, so its rarity is the full one) gives exactly the full linking's components inside R;
// the others are the stored ones. Exact when the accounts, account rows and link settings are
// those of the stored state; otherwise a full relink. The pair budget's cut (the first value whose
// pairs no longer fit; it and every lighter value are linked by signature, which only joins
// accounts sharing every such value, so inside a component too) is kept from the run that found
// it, as the population is: the result is a full linking's with that cut. When the pairs counted
// under it grow past the budget by a quarter, everything is relinked and the cut found again.

export interface SinceLink {
  link: LinkResult;
  /** 'partial': only R was relinked; otherwise why everything was */
  mode: 'partial' | string;
  relinked: number;
  state: LinkStateUpdate;
}

export async function linkSinceLast(
  pool: Pool,
  s: DetectSettings,
  ids: string[],
  touched: string[],
  /** frames of the touched accounts, from their templates now */
  touchedFrames: Map<string, number[]>,
  /** accounts whose account row was written since the last run (new or changed) */
  reingested: number,
  /** every account's frames, when there is no stored state */
  allFrames: () => Promise<Map<string, number[]>>,
): Promise<SinceLink> {
  const N = ids.length;
  const cap = linkCap(N, s);
  const st = await loadLinkState(pool);
  const frames = st.meta ? new Map(st.frames) : await allFrames();
  for (const t of touched) frames.set(t, touchedFrames.get(t) ?? []);
  const byFrame = new Map<number, string[]>();
  for (const [id, keys] of frames)
    for (const k of keys) {
      let l = byFrame.get(k);
      if (!l) byFrame.set(k, (l = []));
      l.push(id);
    }
  const why = !st.meta
    ? 'no linking state'
    : st.meta.accounts !== N || st.component.size !== N
      ? 'accounts added'
      : reingested > 0
        ? 'account rows changed'
        : st.meta.settings !== linkSettings(s)
          ? 'link settings changed'
          : null;
  const full = async (mode: string): Promise<SinceLink> => {
    const link = await linkAll(pool, ids, s, frameGroups(byFrame, cap));
    return { link, mode, relinked: N, state: fullLinkState(ids, link, frames, s) };
  };
  if (why) return full(why);

  // A: the touched accounts and every account sharing a value with one (its old size may be up
  // to |T| smaller, so values up to cap + |T| accounts count: they may have been rare before)
  const T = new Set(touched);
  const loose = cap + T.size;
  const withT = await indicatorGroups(pool, loose, touched);
  const keys = new Set(
    touched.flatMap((t) => [...(st.frames.get(t) ?? []), ...(touchedFrames.get(t) ?? [])]),
  );
  for (const k of keys) {
    const accounts = byFrame.get(k) ?? [];
    if (accounts.length <= loose)
      withT.push({ kind: 'template_band', value: `${k >>> 16}:${k & 65535}`, accounts });
  }
  const A = new Set(touched);
  for (const g of withT) g.accounts.forEach((id) => A.add(id));
  const bounds = budgetAfter(
    withT.map((g) => ({
      kind: g.kind,
      value: g.value,
      n: g.accounts.length,
      k: g.accounts.filter((a) => T.has(a)).length,
    })),
    st.meta!,
    { N, cap, threshold: s.linkThreshold, budget: PAIR_BUDGET },
  );
  if (!bounds) return full('pair budget passed');
  // R: the stored components that meet A
  const labels = new Set([...A].map((id) => st.component.get(id)!));
  const R = ids.filter((id) => labels.has(st.component.get(id)!));
  // reaching most accounts (light values such as template frames are shared widely), a partial
  // relink reads more than a full one: the values of every account, found through the index
  if (R.length > N / 2) return full(`the batch reaches ${R.length} of ${N} accounts`);
  const inR = new Set(R);
  const groups = await loadIndicatorGroups(
    pool,
    cap,
    s.signupBurstMinutes,
    frameGroups(byFrame, cap).filter((g) => g.accounts.some((a) => inR.has(a))),
    R,
  );
  const part = linkAccounts(R, groups, {
    threshold: s.linkThreshold,
    cap,
    minSize: s.minClusterSize,
    total: N,
    universe: new Set(ids),
    cut: st.meta!.cut,
  });
  // the stored clusters outside R are unchanged (never rescored: their shared values are not read)
  const kept = (await previousClusters(pool)).filter((k) => !k.members.some((m) => inR.has(m)));
  const link: LinkResult = {
    ...part,
    clusters: [...part.clusters, ...kept.map((k) => k.members)],
    shared: [...part.shared, ...kept.map(() => [])],
    ties: [...part.ties, ...kept.map(() => [])],
  };
  const rows = R.map((id, i) => ({
    account_id: id,
    component: part.component[i],
    frames: frames.get(id) ?? [],
  }));
  return {
    link,
    mode: 'partial',
    relinked: R.length,
    state: { full: false, rows, meta: { ...st.meta!, plannedLo: bounds.lo, plannedHi: bounds.hi } },
  };
}
