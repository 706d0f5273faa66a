import { encodeCopyRow } from './copy-text';

/**
 * The account_day_sets rows of a batch (docs/ingest.md#rollups), built in JS as its rows are
 * added, for the direct path (direct.ts): a batch that went into events whole gets exactly the
 * rows the rollup statement's grouping (sql-day-sets.ts) would give — per account and UTC day,
 * each taxonomy bucket and fine LSH bucket with its first millisecond of the day and its events,
 * each template (SimHash) with its events and first and last millisecond — and Postgres only
 * appends them. That grouping was about half of the rollup statement's CPU; a few Map updates
 * per event in JS cost a fraction of it. Element order within a row is free (readers aggregate).
 */
type Bucket = { f: number; n: number };
type Template = { n: number; f: number; l: number };
interface DaySet {
  account: string;
  day: number;
  tax: Map<number, Bucket>;
  lsh: Map<number, Bucket>;
  tmpl: Map<string, Template>;
}
/** By account, then by day (days since 1970-01-01): no key string to build per event. */
export type DaySets = Map<string, Map<number, DaySet>>;

const DAY_MS = 86_400_000;

/** Adds one event: its account, UTC instant (ms), taxonomy bucket, fine bucket and SimHash (int8 as text). */
export function addToDaySets(
  sets: DaySets,
  account: string,
  ms: number,
  tax: number,
  lsh: number,
  simhash: string,
): void {
  const day = Math.floor(ms / DAY_MS);
  const at = ms - day * DAY_MS;
  let days = sets.get(account);
  if (!days) sets.set(account, (days = new Map()));
  let s = days.get(day);
  if (!s) days.set(day, (s = { account, day, tax: new Map(), lsh: new Map(), tmpl: new Map() }));
  bucket(s.tax, tax, at);
  bucket(s.lsh, lsh, at);
  const t = s.tmpl.get(simhash);
  if (!t) s.tmpl.set(simhash, { n: 1, f: at, l: at });
  else {
    t.n++;
    if (at < t.f) t.f = at;
    if (at > t.l) t.l = at;
  }
}

function bucket(m: Map<number, Bucket>, id: number, at: number): void {
  const b = m.get(id);
  if (!b) m.set(id, { f: at, n: 1 });
  else {
    b.n++;
    if (at < b.f) b.f = at;
  }
}

/** The columns DAY_SETS_COPY fills (`part` takes its default, as in the SQL insert). */
export const DAY_SETS_COLUMNS = [
  'account_id',
  'day',
  'tax_bucket',
  'tax_first',
  'tax_events',
  'lsh_bucket',
  'lsh_first',
  'lsh_events',
  'simhash',
  'tmpl_events',
  'tmpl_first',
  'tmpl_last',
] as const;

// Postgres array text: numbers and int8 text need no quoting
const arr = (values: Iterable<number | string>) => `{${[...values].join(',')}}`;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The batch's day-set rows as COPY text, in (account, day) order like the statement's. */
export function encodeDaySets(sets: DaySets): string {
  const groups = [...sets.values()]
    .flatMap((days) => [...days.values()])
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.day - b.day));
  let out = '';
  for (const s of groups) {
    const tax = [...s.tax.values()];
    const lsh = [...s.lsh.values()];
    const tmpl = [...s.tmpl.values()];
    out += encodeCopyRow([
      s.account,
      isoDay(s.day),
      arr(s.tax.keys()),
      arr(tax.map((b) => b.f)),
      arr(tax.map((b) => b.n)),
      arr(s.lsh.keys()),
      arr(lsh.map((b) => b.f)),
      arr(lsh.map((b) => b.n)),
      arr(s.tmpl.keys()),
      arr(tmpl.map((t) => t.n)),
      arr(tmpl.map((t) => t.f)),
      arr(tmpl.map((t) => t.l)),
    ]);
  }
  return out;
}
