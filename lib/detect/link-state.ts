import type { PoolClient } from 'pg';
import type { Db } from './core';
import type { LinkCut, LinkResult } from './link';
import type { DetectSettings } from './settings';
import { insertJson } from './write-results';

// What `detect --since-last` needs to relink only part of the accounts (link-since-last.ts,
// migration 20261203400000_detect_link_state): each account's component and template frames,
// and what the linking ran with (detect_runs.stats.link of the run that wrote them).

export interface LinkMeta {
  /** accounts linked (the rarity of a value is judged against this many) */
  accounts: number;
  /** the settings linking depends on, as JSON: another value means a full relink */
  settings: string;
  /** bounds of the pairs the pair budget counts (equal after a full linking, apart after partial ones) */
  plannedLo: number;
  plannedHi: number;
  /** the first value past the pair budget (linkAccounts), or null when every value fitted */
  cut: LinkCut | null;
  /** values linked by signature (past the cut), in the last full linking */
  tooBig: number;
}

export interface LinkStateRow {
  account_id: string;
  component: string;
  frames: number[];
}

/** The state an incremental run writes: all rows (after a full relink) or the relinked ones. */
export interface LinkStateUpdate {
  full: boolean;
  rows: LinkStateRow[];
  meta: LinkMeta;
}

export const linkSettings = (s: DetectSettings) =>
  JSON.stringify([s.linkThreshold, s.maxIndicatorAccounts, s.minClusterSize, s.signupBurstMinutes]);

/** The whole state of a linking of `ids` (a full run, or a full relink). */
export function fullLinkState(
  ids: string[],
  link: LinkResult,
  frames: Map<string, number[]>,
  s: DetectSettings,
): LinkStateUpdate {
  return {
    full: true,
    rows: ids.map((id, i) => ({
      account_id: id,
      component: link.component[i],
      frames: frames.get(id) ?? [],
    })),
    meta: {
      accounts: ids.length,
      settings: linkSettings(s),
      plannedLo: link.planned,
      plannedHi: link.planned,
      cut: link.cut,
      tooBig: link.tooBig,
    },
  };
}

export interface StoredLinkState {
  component: Map<string, string>;
  frames: Map<string, number[]>;
  meta: LinkMeta | null;
}

/** The state the last successful run left (empty when it predates the state). */
export async function loadLinkState(db: Db): Promise<StoredLinkState> {
  const meta = await db.query<{ link: LinkMeta | null }>(
    `SELECT stats->'link' AS link FROM detect_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1`,
  );
  const { rows } = await db.query<{ account_id: string; component: string; frames: number[] }>(
    'SELECT account_id, component, frames FROM detect_link_state',
  );
  return {
    component: new Map(rows.map((r) => [r.account_id, r.component])),
    frames: new Map(rows.filter((r) => r.frames.length > 0).map((r) => [r.account_id, r.frames])),
    meta: rows.length > 0 ? (meta.rows[0]?.link ?? null) : null,
  };
}

/** Writes the state (caller holds the run's transaction and records `meta` in its stats). */
export async function writeLinkState(
  c: PoolClient,
  runId: string,
  u: LinkStateUpdate,
): Promise<void> {
  if (u.full) await c.query('DELETE FROM detect_link_state');
  else
    await c.query('DELETE FROM detect_link_state WHERE account_id = ANY($1)', [
      u.rows.map((r) => r.account_id),
    ]);
  await insertJson(
    c,
    'detect_link_state',
    u.rows.map((r) => ({ ...r, run_id: runId })),
    5000,
  );
}
