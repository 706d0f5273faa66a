// ISO-8601 date-time with a mandatory offset (Z or ±hh:mm / ±hhmm). Fractions beyond milliseconds
// are truncated (the database keeps milliseconds; JS and SQL then agree on the UTC day and month).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Accepted range: 1990-01-01 .. 2099-12-31 UTC (anything else is a broken clock or a typo). */
const MIN = Date.UTC(1990, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

/** Epoch milliseconds, or null when the text is not a real instant with an offset. */
export function parseTimestamp(s: string): number | null {
  // the ingest parses each event's ts twice (validation, then the row): remember the last one
  if (s === lastText) return lastMs;
  const ms = s.length === 24 ? parseCanonical(s) : undefined;
  lastCanonical = typeof ms === 'number';
  lastMs = ms === undefined ? parseGeneral(s) : ms;
  lastText = s;
  return lastMs;
}
let lastText: string | null = null;
let lastMs: number | null = null;
/** the last text parsed was already in toISOString form */
let lastCanonical = false;

/**
 * `new Date(ms).toISOString()` for the instant `s` parsed to: `s` itself when it already is that
 * text (the common 'YYYY-MM-DDTHH:MM:SS.mmmZ'), which saves a Date and a string per event.
 */
export function timestampIso(s: string, ms: number): string {
  if (s === lastText && lastCanonical && ms === lastMs) return s; // just parsed (the usual case)
  return s.length === 24 && parseCanonical(s) === ms ? s : new Date(ms).toISOString();
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const two = (s: string, i: number): number => {
  const a = digit(s, i),
    b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * 'YYYY-MM-DDTHH:MM:SS.mmmZ' without a regex, for years 1990-2099 (the range accepted anyway; the
 * general parser keeps Date.UTC's quirks for other years). undefined = not this form, ask the
 * general parser; null = this form but not a real instant (same answer as the general parser).
 */
function parseCanonical(s: string): number | null | undefined {
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 ||
    s.charCodeAt(23) !== 90
  )
    return undefined;
  const y = two(s, 0) * 100 + two(s, 2),
    mo = two(s, 5),
    d = two(s, 8),
    h = two(s, 11),
    mi = two(s, 14),
    se = two(s, 17);
  const m3 = digit(s, 22);
  const frac = two(s, 20) * 10 + (m3 >= 0 && m3 <= 9 ? m3 : NaN);
  // NaN (a non-digit) fails every comparison below: let the regex decide
  if (!(y >= 1990 && y <= 2099 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && se >= 0 && frac >= 0))
    return undefined;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (d > DAYS[mo] + leap) return null; // 2026-02-30 and the like
  const ms = Date.UTC(y, mo - 1, d, h, mi, se) + frac;
  return ms >= MIN && ms < MAX ? ms : null;
}

function parseGeneral(text: string): number | null {
  const match = ISO.exec(text);
  if (!match) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i]));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(local).getUTCDate() !== d) return null; // 2026-02-30 and the like
  let offsetMs = 0;
  const zone = match[8];
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const offsetHours = Number(digits.slice(1, 3));
    const offsetMinutes = Number(digits.slice(3, 5));
    if (offsetHours > 18 || offsetMinutes > 59) return null;
    offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (zone[0] === '-' ? -1 : 1);
  }
  const ms = local - offsetMs + (match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0);
  return ms >= MIN && ms < MAX ? ms : null;
}

export const TIMESTAMP_HINT =
  'ISO-8601 with offset, e.g. 2026-11-29T14:03:07.123Z, between 1990 and 2099';
