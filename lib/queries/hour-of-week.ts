import 'server-only';
import { rows } from './sql';

/** 7 × 24 counts, [dow 0 = Sunday][hour UTC], from the daily rollup's hour histogram. */
export interface HourOfWeek {
  cells: number[][];
  max: number;
  total: number;
}

// account_daily.hour_hist holds 24 hourly counts (UTC) for that day; summing by weekday gives the
// hour-of-week pattern without touching raw events. Summed in SQL so a cluster is one round trip.
export async function getHourOfWeek(accountIds: string[]): Promise<HourOfWeek> {
  const r = await rows<{ dow: number; hour: number; n: number }>(
    `SELECT extract(dow FROM d.day)::int AS dow, (u.h - 1)::int AS hour, sum(u.v)::float8 AS n
     FROM account_daily d, unnest(d.hour_hist) WITH ORDINALITY AS u(v, h)
     WHERE d.account_id = ANY($1) AND u.h <= 24
     GROUP BY 1, 2`,
    [accountIds],
  );
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let max = 0;
  let total = 0;
  for (const c of r) {
    cells[c.dow][c.hour] = c.n;
    max = Math.max(max, c.n);
    total += c.n;
  }
  return { cells, max, total };
}
