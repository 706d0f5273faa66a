import pg, { type Pool } from 'pg';

// Detection's bulk reads of the compact bucket/template rollup (account_day_sets,
// docs/ingest.md#rollups). Grouping the views account_bucket / account_template over every account
// costs Postgres a hash aggregate of every array element (3-5× the old table scans); here the
// rows come account after account (chunks of accounts, PK order) and each account's elements are
// folded in a few small Maps, so memory holds one chunk, not the whole rollup.

/** A day-set row as selected by the caller: account_id, the day as days since 1970-01-01, then `cols`. */
export type SetRow = [string, number, ...unknown[]];

const PAGE = 20_000;
export const DAY_MS = 86_400_000;

// The arrays hold no NULLs and no quoting: split instead of node-postgres' general array parser
// (3-4× faster on these columns). int8[] (SimHash) stays text, as node-postgres gives int8.
const split = (s: string) => (s === '{}' ? [] : s.slice(1, -1).split(','));
const numbers = (s: string) => split(s).map(Number);
const PARSERS: Record<number, (s: string) => unknown> = {
  1005: numbers,
  1007: numbers,
  1016: split,
};
const types = {
  getTypeParser: (oid: number, format?: string) =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
};

/**
 * Calls `fn` once per account (in primary-key order) with all its day-set rows, reading pages of
 * PAGE rows by key (an account cut at a page's end is completed from the next page).
 */
export async function eachAccountSets(
  db: Pick<Pool, 'query'>,
  cols: string,
  fn: (id: string, rows: SetRow[]) => void,
): Promise<void> {
  let carry: SetRow[] = [];
  let after: [string, number, string] | null = null;
  for (;;) {
    const res: { rows: SetRow[] } = await db.query<SetRow>({
      text: `SELECT account_id, day - DATE '1970-01-01', ${cols}, part::text FROM account_day_sets
             ${after ? `WHERE (account_id, day, part) > ($1, DATE '1970-01-01' + $2::int, $3::bigint)` : ''}
             ORDER BY account_id, day, part LIMIT ${PAGE}`,
      values: after ?? [],
      rowMode: 'array',
      types,
    } as unknown as string);
    const rows = res.rows;
    const all = carry.concat(rows);
    const last = rows.length === PAGE;
    let start = 0;
    for (let j = 1; j <= all.length; j++) {
      if (j < all.length && all[j][0] === all[start][0]) continue;
      if (j === all.length && last) break; // the account may go on in the next page
      fn(all[start][0], all.slice(start, j));
      start = j;
    }
    if (!last) return;
    carry = all.slice(start);
    const r: SetRow = rows[rows.length - 1];
    after = [r[0], r[1], r[r.length - 1] as string];
  }
}

/** Per element key: least epoch ms (day + ms of day) and summed count over the account's rows. */
export function foldFirst<K extends number | string>(
  rows: SetRow[],
  keys: number,
  firsts: number,
  counts: number | null,
  into: Map<K, { t: number; n: number }>,
): void {
  for (const r of rows) {
    const day = r[1] * DAY_MS;
    const k = r[keys] as K[];
    const f = r[firsts] as number[];
    const n = counts === null ? null : (r[counts] as number[]);
    for (let i = 0; i < k.length; i++) {
      const t = day + f[i];
      const e = into.get(k[i]);
      if (!e) into.set(k[i], { t, n: n ? n[i] : 0 });
      else {
        if (t < e.t) e.t = t;
        if (n) e.n += n[i];
      }
    }
  }
}

/** Per template (SimHash as text): summed events over the account's rows. */
export function foldTemplates(rows: SetRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const h = r[2] as string[];
    const n = r[3] as number[];
    for (let i = 0; i < h.length; i++) out.set(h[i], (out.get(h[i]) ?? 0) + n[i]);
  }
  return out;
}
