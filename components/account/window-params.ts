// The account page's view in its URL: the brushed window (?from=YYYY-MM-DD&to=YYYY-MM-DD, days of
// the account's series) and the event order (?order=asc; newest first is the default), so a link
// reproduces what the analyst saw. A parameter that cannot be honoured is not silently dropped:
// the page shows a hint saying what it did instead.
export type Order = 'desc' | 'asc';

export interface ParsedView {
  win: [number, number];
  order: Order;
  hints: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `keys`: the series' days, ascending. */
export function parseView(get: (k: string) => string | null, keys: string[]): ParsedView {
  const n = keys.length;
  const last7: [number, number] = [Math.max(0, n - 7), Math.max(0, n - 1)];
  const hints: string[] = [];
  const rawOrder = get('order');
  const order: Order = rawOrder === 'asc' ? 'asc' : 'desc';
  if (rawOrder !== null && rawOrder !== 'asc' && rawOrder !== 'desc')
    hints.push(`order=${rawOrder} is not "asc" or "desc"; showing newest first.`);
  const from = get('from');
  const to = get('to');
  if (from === null && to === null) return { win: last7, order, hints };
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (v !== null && !DAY.test(v)) {
      hints.push(`${k}=${v} is not a day (YYYY-MM-DD); showing the last 7 days.`);
      return { win: last7, order, hints };
    }
  let a = from ?? keys[0];
  let b = to ?? keys[n - 1];
  if (a > b) {
    hints.push(`from ${a} is after to ${b}; the window was turned round.`);
    [a, b] = [b, a];
  }
  if (a < keys[0] || b > keys[n - 1])
    hints.push(
      `The link's window ${a} → ${b} reaches outside this account's history (${keys[0]} → ${keys[n - 1]}); showing the part inside.`,
    );
  const s = keys.findIndex((k) => k >= a);
  const e = keys.findLastIndex((k) => k <= b);
  if (s < 0 || e < 0 || s > e) {
    hints.push('No day of this account falls in the link’s window; showing the last 7 days.');
    return { win: last7, order, hints };
  }
  return { win: [s, e], order, hints };
}

/** The URL query for a view, keeping the page's other parameters. */
export function viewQuery(current: string, keys: string[], win: [number, number], order: Order) {
  const q = new URLSearchParams(current);
  q.set('from', keys[win[0]]);
  q.set('to', keys[win[1]]);
  if (order === 'asc') q.set('order', 'asc');
  else q.delete('order');
  return `?${q}`;
}
