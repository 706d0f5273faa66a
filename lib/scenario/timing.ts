import type { Rng } from './prng';
import type { Schedule } from './types';

/** Six weeks of traffic ending at a fixed instant, so scenarios are comparable across runs. */
export const END_MS = Date.UTC(2026, 10, 1);
export const DAYS = 42;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const START_MS = END_MS - DAYS * DAY_MS;

/** Relative activity by local hour for people (low at night, peaks late morning and afternoon). */
export const HUMAN_HOURS = [
  0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.6, 2.2, 2.5, 2.4, 2.0, 2.3, 2.5, 2.4, 2.2, 1.9, 1.6,
  1.7, 1.9, 1.8, 1.3, 0.7,
];
export const WORK_HOURS = HUMAN_HOURS.map((w, h) => (h >= 8 && h <= 18 ? w * 1.6 : w * 0.25));

export function isWeekend(dayIndex: number): boolean {
  const dow = new Date(START_MS + dayIndex * DAY_MS).getUTCDay();
  return dow === 0 || dow === 6;
}

function wrap(t: number): number {
  const span = END_MS - START_MS;
  return START_MS + ((((t - START_MS) % span) + span) % span);
}

function sorted(ts: number[], conv: number[], turn: number[]): Schedule {
  const idx = ts.map((_, i) => i).sort((a, b) => ts[a] - ts[b] || a - b);
  return {
    ts: Float64Array.from(idx, (i) => ts[i]),
    conv: Int32Array.from(idx, (i) => conv[i]),
    turn: Int32Array.from(idx, (i) => turn[i]),
  };
}

export interface HumanOpts {
  tzMin: number;
  meanTurns: number;
  gapSec: number;
  activeDayProb: number;
  weekendFactor: number;
  hours?: readonly number[];
  /** 'always': every request carries a conversation id; 'multi': only conversations of 2+ turns */
  conversations: 'always' | 'multi';
}

/** Bursty human sessions: active days with uneven weights, diurnal start times, quick turns. */
export function humanSessions(r: Rng, n: number, o: HumanOpts): Schedule {
  const dayW = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    if (r.chance(o.activeDayProb * (isWeekend(d) ? o.weekendFactor : 1))) dayW[d] = r.exp(1);
  }
  if (dayW.every((w) => w === 0)) dayW[r.int(0, DAYS - 1)] = 1;
  const hours = o.hours ?? HUMAN_HOURS;
  const ts: number[] = [];
  const conv: number[] = [];
  const turn: number[] = [];
  let c = 0;
  while (ts.length < n) {
    const turns = Math.min(n - ts.length, 1 + Math.round(r.exp(Math.max(0, o.meanTurns - 1))));
    const day = r.weighted(dayW);
    let t =
      START_MS + day * DAY_MS + r.weighted(hours) * HOUR_MS + r.next() * HOUR_MS - o.tzMin * 60_000;
    const withConv = o.conversations === 'always' || turns > 1;
    for (let k = 0; k < turns; k++) {
      if (k > 0) t += r.logNormal(o.gapSec, 0.7) * 1000;
      ts.push(wrap(t));
      conv.push(withConv ? c : -1);
      turn.push(withConv ? k + 1 : 0);
    }
    c++;
  }
  return sorted(ts, conv, turn);
}

/** A scheduler: evenly spaced requests with relative jitter, optionally only in some UTC hours. */
export function regularStream(
  r: Rng,
  n: number,
  o: { fromDay: number; toDay: number; jitter: number; hours?: [number, number] },
): Schedule {
  const [h0, h1] = o.hours ?? [0, 24];
  const perDay = (h1 - h0) * HOUR_MS;
  const total = (o.toDay - o.fromDay) * perDay;
  const step = total / Math.max(1, n);
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = Math.min(total - 1, Math.max(0, (i + 0.5 + o.jitter * r.normal()) * step));
    const day = Math.floor(p / perDay);
    ts.push(START_MS + (o.fromDay + day) * DAY_MS + h0 * HOUR_MS + (p - day * perDay));
  }
  return sorted(ts, new Array(n).fill(-1), new Array(n).fill(0));
}

/** Cron-style jobs: every hour at a fixed minute, items processed back to back. */
export function hourlyBatches(
  r: Rng,
  n: number,
  o: { minute: number; itemGapSec: number; businessHoursOnly: boolean },
): Schedule {
  const jobs: number[] = [];
  for (let h = 0; h < DAYS * 24; h++) {
    const hour = h % 24;
    if (o.businessHoursOnly && (hour < 7 || hour > 19 || isWeekend(Math.floor(h / 24)))) continue;
    jobs.push(START_MS + h * HOUR_MS + o.minute * 60_000);
  }
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const job = Math.floor((i * jobs.length) / n);
    const k = i - Math.ceil((job * n) / jobs.length);
    ts.push(jobs[job] + k * o.itemGapSec * 1000 * (0.9 + 0.2 * r.next()));
  }
  return sorted(ts.map(wrap), new Array(n).fill(-1), new Array(n).fill(0));
}

/** Evaluation runs: a few bursts (nightly CI or during working hours), items back to back. */
export function evalRuns(
  r: Rng,
  n: number,
  o: { runs: number; nightly: boolean; tzMin: number },
): Schedule {
  const starts: number[] = [];
  for (let k = 0; k < o.runs; k++) {
    let day = r.int(0, DAYS - 1);
    while (isWeekend(day) && !o.nightly) day = r.int(0, DAYS - 1);
    starts.push(
      o.nightly
        ? START_MS + day * DAY_MS + 2 * HOUR_MS
        : START_MS +
            day * DAY_MS +
            r.int(9, 17) * HOUR_MS +
            r.int(0, 59) * 60_000 -
            o.tzMin * 60_000,
    );
  }
  const ts: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const run = Math.floor((i * o.runs) / n);
    if (i === 0 || run !== Math.floor(((i - 1) * o.runs) / n)) t = starts[run];
    t += r.range(0.4, 2.5) * 1000;
    ts.push(wrap(t));
  }
  return sorted(ts, new Array(n).fill(-1), new Array(n).fill(0));
}

/** Requests drawn from a shared per-hour activity profile (members of one campaign). */
export function fromHourlyProfile(r: Rng, n: number, cumulative: Float64Array): Schedule {
  const total = cumulative[cumulative.length - 1];
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = r.next() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    ts.push(START_MS + lo * HOUR_MS + r.next() * HOUR_MS);
  }
  return sorted(ts, new Array(n).fill(-1), new Array(n).fill(0));
}
