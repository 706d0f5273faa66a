import type { Pool } from 'pg';

/** Per-account sums over account_daily (one row per account), plus the daily count series. */
export interface DailyAgg {
  events: number;
  days: number;
  firstTs: number;
  lastTs: number;
  inTok: number;
  outTok: number;
  finishLength: number;
  reasoning: number;
  thinking: number;
  singleTurn: number;
  toolUse: number;
  maxTokSum: number;
  maxTokN: number;
  tempN: number;
  tempSum: number;
  tempSum2: number;
  gapN: number;
  gapSum: number;
  gapSum2: number;
  /** events per active day and its day number (days since 1970-01-01), ascending */
  daily: number[];
  dayIdx: number[];
  /** hour-of-week histogram (Mon 00h = 0 … Sun 23h = 167), UTC */
  how: number[];
  /** active (day, hour) slots */
  activeHours: number;
}

const DAILY_SQL = `
SELECT account_id, sum(events)::float8 AS events, count(*)::int AS days,
  (extract(epoch FROM min(first_ts)) * 1000)::float8 AS first_ts, (extract(epoch FROM max(last_ts)) * 1000)::float8 AS last_ts,
  sum(input_tokens)::float8 AS in_tok, sum(output_tokens)::float8 AS out_tok, sum(finish_length)::float8 AS fl,
  sum(reasoning)::float8 AS rs, sum(thinking)::float8 AS th, sum(single_turn)::float8 AS st, sum(tool_use)::float8 AS tu,
  sum(max_tokens_sum)::float8 AS mts, sum(max_tokens_n)::float8 AS mtn,
  sum(temp_n)::float8 AS tn, sum(temp_sum)::float8 AS t1, sum(temp_sum2)::float8 AS t2,
  sum(gap_n)::float8 AS gn, sum(gap_sum)::float8 AS g1, sum(gap_sum2)::float8 AS g2,
  array_agg(events ORDER BY day) AS daily, array_agg((day - DATE '1970-01-01') ORDER BY day) AS day_idx
FROM account_daily GROUP BY account_id`;

// hour_hist[h] counts events of the UTC hour h of that day; combined with the weekday of the day.
const HOW_SQL = `
SELECT d.account_id, ((extract(isodow FROM d.day)::int - 1) * 24 + h.o::int - 1) AS how,
  sum(h.c)::int AS n, count(*)::int AS slots
FROM account_daily d CROSS JOIN LATERAL unnest(d.hour_hist) WITH ORDINALITY AS h(c, o)
WHERE h.c > 0 GROUP BY 1, 2`;

type Row = Record<string, number | string | number[]>;

export async function loadDaily(pool: Pick<Pool, 'query'>): Promise<Map<string, DailyAgg>> {
  const out = new Map<string, DailyAgg>();
  const { rows } = await pool.query<Row>(DAILY_SQL);
  for (const r of rows) {
    out.set(String(r.account_id), {
      events: Number(r.events),
      days: Number(r.days),
      firstTs: Number(r.first_ts),
      lastTs: Number(r.last_ts),
      inTok: Number(r.in_tok),
      outTok: Number(r.out_tok),
      finishLength: Number(r.fl),
      reasoning: Number(r.rs),
      thinking: Number(r.th),
      singleTurn: Number(r.st),
      toolUse: Number(r.tu),
      maxTokSum: Number(r.mts),
      maxTokN: Number(r.mtn),
      tempN: Number(r.tn),
      tempSum: Number(r.t1),
      tempSum2: Number(r.t2),
      gapN: Number(r.gn),
      gapSum: Number(r.g1),
      gapSum2: Number(r.g2),
      daily: (r.daily as number[]).map(Number),
      dayIdx: (r.day_idx as number[]).map(Number),
      how: new Array<number>(168).fill(0),
      activeHours: 0,
    });
  }
  const how = await pool.query<{ account_id: string; how: number; n: number; slots: number }>(
    HOW_SQL,
  );
  for (const r of how.rows) {
    const a = out.get(r.account_id);
    if (!a || r.how < 0 || r.how > 167) continue;
    a.how[r.how] += r.n;
    a.activeHours += r.slots;
  }
  return out;
}
