// Day arithmetic on YYYY-MM-DD strings (UTC), shared by the replay's cut-offs, the first-alarm
// bisection and the census's early days.
const DAY = 86_400_000;

/** `d` moved by `n` days. */
export const addDays = (d: string, n: number) =>
  new Date(Date.parse(d) + n * DAY).toISOString().slice(0, 10);

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(b) - Date.parse(a)) / DAY);
